package dev.dbsurveyor.adapter.postgres;

import java.util.List;

/** The rows the catalog queries return, as read from their JSON (snake_case keys). */
final class CatalogRows {

    private CatalogRows() {
    }

    record DatabaseRow(String name, String encoding, String collation, String owner, Long sizeBytes, boolean isTemplate,
                       String serverVersion) {
    }

    /** A type as a column, parameter or attribute uses it; {@code modifier} is the typmod, -1 when none. */
    record TypeRef(String name, boolean builtin, boolean isArray, String element, Boolean elementBuiltin, int modifier,
                   String nativeType) {
    }

    record ColumnRow(String name, int position, boolean notNull, String defaultValue, String identity, String generated,
                     String comment, int dimensions, TypeRef type) {
    }

    record RelationRow(String schema, String name, String relkind, String parentSchema, String parentName, Long rowEstimate,
                       String comment, boolean readable, List<ColumnRow> columns) {
    }

    record ConstraintRow(String schema, String tableName, String name, String type, List<String> columns,
                         String referencedSchema, String referencedTable, List<String> referencedColumns,
                         String onDelete, String onUpdate, String clause) {
    }

    record IndexKeyRow(String name, boolean isExpression, boolean isKey, boolean isDescending) {
    }

    record IndexRow(String schema, String tableName, String name, String method, boolean isUnique, boolean isPrimary,
                    boolean ordered, String predicate, List<IndexKeyRow> columns) {
    }

    record ViewRow(String schema, String name, String definition) {
    }

    record ParameterRow(String name, String mode, String defaultValue, TypeRef type) {
    }

    record RoutineRow(String schema, String name, String kind, String identity, String language, String comment,
                      String definition, String result, TypeRef returnType, List<ParameterRow> parameters) {
    }

    record TriggerRow(String schema, String tableName, String name, int typeBits, String definition) {
    }

    record AttributeRow(String name, TypeRef type) {
    }

    record TypeRow(String schema, String name, String kind, String comment, List<String> labels, String baseType,
                   List<String> checks, boolean notNull, String defaultValue, String subtype, List<AttributeRow> attributes) {
    }

    record ServerRow(String version, Integer versionNumber, String versionDetails, String user, boolean superuser, int databases) {
    }

    record EnumeratedRow(String name, String owner, String encoding, String collation, Long sizeBytes, boolean isTemplate,
                         boolean isAccessible) {
    }
}
