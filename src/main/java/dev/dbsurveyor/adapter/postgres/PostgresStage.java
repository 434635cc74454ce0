package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.CatalogStage;
import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectType;
import io.r2dbc.spi.Readable;

import java.util.function.Function;

/**
 * The catalog queries that read one PostgreSQL database, one per stage, and how each row is
 * read. A stage that fails is reported as an object failure of its object type.
 */
enum PostgresStage implements CatalogStage {
    DATABASE("database.sql", CollectionStage.ENUMERATE_SCHEMAS, ObjectType.TABLE, PostgresCatalogRows.DatabaseRow::read),
    RELATIONS("relations.sql", CollectionStage.ENUMERATE_TABLES, ObjectType.TABLE, PostgresCatalogRows.RelationRow::read),
    COLUMNS("columns.sql", CollectionStage.COLLECT_COLUMNS, ObjectType.TABLE, PostgresCatalogRows.ColumnRow::read),
    CONSTRAINTS("constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT, PostgresCatalogRows.ConstraintRow::read),
    INDEXES("indexes.sql", CollectionStage.COLLECT_INDEXES, ObjectType.INDEX, PostgresCatalogRows.IndexRow::read),
    VIEWS("views.sql", CollectionStage.COLLECT_VIEWS, ObjectType.VIEW, PostgresCatalogRows.ViewRow::read),
    ROUTINES("routines.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION, PostgresCatalogRows.RoutineRow::read),
    TRIGGERS("triggers.sql", CollectionStage.COLLECT_TRIGGERS, ObjectType.TRIGGER, PostgresCatalogRows.TriggerRow::read),
    TYPES("types.sql", CollectionStage.OTHER, ObjectType.CUSTOM_TYPE, PostgresCatalogRows.TypeRow::read),
    PRIVILEGES("privileges.sql", CollectionStage.COLLECT_PRIVILEGES, ObjectType.PRIVILEGE, PostgresCatalogRows.PrivilegeRow::read),
    DEFAULT_PRIVILEGES("default_privileges.sql", CollectionStage.COLLECT_PRIVILEGES, ObjectType.PRIVILEGE,
            PostgresCatalogRows.DefaultPrivilegeRow::read),
    POLICIES("policies.sql", CollectionStage.COLLECT_PRIVILEGES, ObjectType.PRIVILEGE, PostgresCatalogRows.PolicyRow::read);

    private final String sql;
    private final CollectionStage stage;
    private final ObjectType objectType;
    private final Function<Readable, ?> rowReader;

    PostgresStage(String file, CollectionStage stage, ObjectType objectType, Function<Readable, ?> rowReader) {
        this.sql = SqlResources.load(PostgresStage.class, file);
        this.stage = stage;
        this.objectType = objectType;
        this.rowReader = rowReader;
    }

    String sql() {
        return sql;
    }

    @Override
    public CollectionStage stage() {
        return stage;
    }

    @Override
    public ObjectType objectType() {
        return objectType;
    }

    /** One row of this stage's query as its {@link PostgresCatalogRows} record. */
    Object read(Readable row) {
        return rowReader.apply(row);
    }
}
