package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.SqlResources;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ObjectType;


/**
 * The catalog queries that read one PostgreSQL database, one per stage, each returning a single
 * JSON array. A stage that fails is reported as an object failure of its object type.
 */
enum CatalogStage {
    DATABASE("database.sql", CollectionStage.ENUMERATE_SCHEMAS, ObjectType.TABLE),
    RELATIONS("relations.sql", CollectionStage.ENUMERATE_TABLES, ObjectType.TABLE),
    CONSTRAINTS("constraints.sql", CollectionStage.COLLECT_CONSTRAINTS, ObjectType.CONSTRAINT),
    INDEXES("indexes.sql", CollectionStage.COLLECT_INDEXES, ObjectType.INDEX),
    VIEWS("views.sql", CollectionStage.COLLECT_VIEWS, ObjectType.VIEW),
    ROUTINES("routines.sql", CollectionStage.COLLECT_ROUTINES, ObjectType.FUNCTION),
    TRIGGERS("triggers.sql", CollectionStage.COLLECT_TRIGGERS, ObjectType.TRIGGER),
    TYPES("types.sql", CollectionStage.OTHER, ObjectType.CUSTOM_TYPE);

    private final String sql;
    private final CollectionStage stage;
    private final ObjectType objectType;

    CatalogStage(String file, CollectionStage stage, ObjectType objectType) {
        this.sql = SqlResources.load(CatalogStage.class, file);
        this.stage = stage;
        this.objectType = objectType;
    }

    String sql() {
        return sql;
    }

    CollectionStage stage() {
        return stage;
    }

    ObjectType objectType() {
        return objectType;
    }
}
