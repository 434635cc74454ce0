package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.CatalogStage;
import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectType;

import java.util.List;
import java.util.Optional;

/**
 * The {@code information_schema} queries that read a batch of databases, one per catalog view.
 * Each reads every database of the batch in one statement, so a batch costs the same number of
 * statements however many databases and tables it holds. A stage that fails is
 * reported as an object failure of its object type.
 */
enum MySqlStage implements CatalogStage {
    SCHEMATA("schemata.sql", CollectionStage.ENUMERATE_SCHEMAS, ObjectType.TABLE),
    TABLES("tables.sql", CollectionStage.ENUMERATE_TABLES, ObjectType.TABLE),
    COLUMNS("columns.sql", CollectionStage.COLLECT_COLUMNS, ObjectType.TABLE),
    TABLE_CONSTRAINTS("table_constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT),
    KEY_COLUMNS("key_columns.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT),
    REFERENTIAL_CONSTRAINTS("referential_constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT),
    CHECK_CONSTRAINTS(null, CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT),
    STATISTICS("statistics.sql", CollectionStage.COLLECT_INDEXES, ObjectType.INDEX),
    VIEWS("views.sql", CollectionStage.COLLECT_VIEWS, ObjectType.VIEW),
    ROUTINES("routines.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION),
    PARAMETERS("parameters.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION),
    TRIGGERS("triggers.sql", CollectionStage.COLLECT_TRIGGERS, ObjectType.TRIGGER),
    EVENTS("events.sql", CollectionStage.OTHER, ObjectType.EVENT);

    private static final String CHECKS_MARIADB = SqlResources.load(MySqlStage.class, "check_constraints_mariadb.sql");
    private static final String CHECKS_MYSQL = SqlResources.load(MySqlStage.class, "check_constraints_mysql.sql");

    private final String sql;
    private final CollectionStage stage;
    private final ObjectType objectType;

    MySqlStage(String file, CollectionStage stage, ObjectType objectType) {
        this.sql = file == null ? null : SqlResources.load(MySqlStage.class, file);
        this.stage = stage;
        this.objectType = objectType;
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
}
