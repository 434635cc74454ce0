package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.CatalogStage;
import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.CheckRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.EventRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.IndexColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.KeyColumnRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.MySqlRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ParameterRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ReferentialRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.RoutineRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.SchemaRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableConstraintRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TableRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.TriggerRow;
import dev.dbsurveyor.adapter.mysql.MySqlCatalogRows.ViewRow;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectType;
import io.r2dbc.spi.Readable;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code information_schema} queries that read a batch of databases, one per catalog view.
 * Each reads every database of the batch in one statement, so a batch costs the same number of
 * statements however many databases and tables it holds. A stage that fails is
 * reported as an object failure of its object type.
 */
enum MySqlStage implements CatalogStage {
    SCHEMATA("schemata.sql", CollectionStage.ENUMERATE_SCHEMAS, ObjectType.TABLE, SchemaRow::read),
    TABLES("tables.sql", CollectionStage.ENUMERATE_TABLES, ObjectType.TABLE, TableRow::read),
    COLUMNS("columns.sql", CollectionStage.COLLECT_COLUMNS, ObjectType.TABLE, ColumnRow::read),
    TABLE_CONSTRAINTS("table_constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT, TableConstraintRow::read),
    KEY_COLUMNS("key_columns.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT, KeyColumnRow::read),
    REFERENTIAL_CONSTRAINTS("referential_constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT,
            ReferentialRow::read),
    CHECK_CONSTRAINTS(null, CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT, CheckRow::read),
    STATISTICS("statistics.sql", CollectionStage.COLLECT_INDEXES, ObjectType.INDEX, IndexColumnRow::read),
    VIEWS("views.sql", CollectionStage.COLLECT_VIEWS, ObjectType.VIEW, ViewRow::read),
    ROUTINES("routines.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION, RoutineRow::read),
    PARAMETERS("parameters.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION, ParameterRow::read),
    TRIGGERS("triggers.sql", CollectionStage.COLLECT_TRIGGERS, ObjectType.TRIGGER, TriggerRow::read),
    EVENTS("events.sql", CollectionStage.OTHER, ObjectType.EVENT, EventRow::read);

    private static final String CHECKS_MARIADB = SqlResources.load(MySqlStage.class, "check_constraints_mariadb.sql");
    private static final String CHECKS_MYSQL = SqlResources.load(MySqlStage.class, "check_constraints_mysql.sql");

    private final String sql;
    private final CollectionStage stage;
    private final ObjectType objectType;
    private final Function<Readable, MySqlRow> rowReader;

    MySqlStage(String file, CollectionStage stage, ObjectType objectType, Function<Readable, MySqlRow> rowReader) {
        this.sql = file == null ? null : SqlResources.load(MySqlStage.class, file);
        this.stage = stage;
        this.objectType = objectType;
        this.rowReader = rowReader;
    }

    /**
     * This stage's query for {@code flavour} over the databases named by {@code schemas} (SQL
     * literals): one SELECT per database joined by {@code UNION ALL}, since MariaDB looks a single
     * schema name up directly but lists every database of the server for a list of names. Empty
     * when the server has no such catalog view.
     */
    Optional<String> sql(MySqlFlavour flavour, List<String> schemas) {
        String query = switch (this) {
            case CHECK_CONSTRAINTS -> !flavour.hasCheckConstraints() ? null : flavour.isMariaDb() ? CHECKS_MARIADB : CHECKS_MYSQL;
            case STATISTICS -> sql.replace(":expression", flavour.hasIndexExpressions() ? "EXPRESSION" : "NULL");
            default -> sql;
        };
        return Optional.ofNullable(query).map(text -> schemas.stream()
                .map(schema -> text.replace(":schemas", schema))
                .collect(java.util.stream.Collectors.joining("\nUNION ALL\n")));
    }

    @Override
    public CollectionStage stage() {
        return stage;
    }

    @Override
    public ObjectType objectType() {
        return objectType;
    }

    /** One row of this stage's query as its {@link MySqlCatalogRows} record. */
    MySqlRow read(Readable row) {
        return rowReader.apply(row);
    }
}
