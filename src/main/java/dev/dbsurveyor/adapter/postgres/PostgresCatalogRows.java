package dev.dbsurveyor.adapter.postgres;

import io.r2dbc.spi.Readable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows the catalog queries return, and how each is read from the driver's row. Large stages
 * (relations, columns, constraints, indexes) return plain rows, which PostgreSQL produces far
 * faster than JSON; routines and types carry their short nested lists as one JSON column.
 */
final class PostgresCatalogRows {

    private PostgresCatalogRows() {
    }

    record DatabaseRow(String name, String encoding, String collation, String owner, Long sizeBytes, boolean isTemplate,
                       String serverVersion) {

        static DatabaseRow read(Readable row) {
            return new DatabaseRow(row.get("name", String.class), row.get("encoding", String.class), row.get("collation", String.class),
                    row.get("owner", String.class), row.get("size_bytes", Long.class), flag(row, "is_template"),
                    row.get("server_version", String.class));
        }
    }

    /** A type as a column, parameter or attribute uses it; {@code modifier} is the typmod, -1 when none. */
    record TypeRef(String name, boolean builtin, boolean isArray, String element, Boolean elementBuiltin, int modifier,
                   String nativeType) {
    }

    record RelationRow(long oid, String schema, String name, String relkind, String parentSchema, String parentName,
                       Long rowEstimate, String comment, boolean readable) {

        static RelationRow read(Readable row) {
            return new RelationRow(objectId(row, "oid"), row.get("schema", String.class), row.get("name", String.class),
                    row.get("relkind", String.class),
                    row.get("parent_schema", String.class), row.get("parent_name", String.class), row.get("row_estimate", Long.class),
                    row.get("comment", String.class), flag(row, "readable"));
        }
    }

    record ColumnRow(long relation, String name, int position, boolean notNull, String defaultValue,
                     String identity, String generated, String comment, int dimensions, TypeRef type) {

        static ColumnRow read(Readable row) {
            TypeRef type = new TypeRef(row.get("type_name", String.class), flag(row, "type_builtin"), flag(row, "type_is_array"),
                    row.get("element_name", String.class), row.get("element_builtin", Boolean.class),
                    row.get("modifier", Integer.class), row.get("native_type", String.class));
            return new ColumnRow(objectId(row, "relation"), row.get("name", String.class),
                    row.get("position", Short.class), flag(row, "not_null"), row.get("default_value", String.class),
                    row.get("identity", String.class), row.get("generated", String.class), row.get("comment", String.class),
                    row.get("dimensions", Short.class), type);
        }
    }

    /**
     * A constraint with its columns as attribute numbers; {@code referencedColumnNames} is set only
     * for a foreign key to a table whose columns the columns stage does not list.
     */
    record ConstraintRow(String schema, String tableName, long tableOid, String name, String type, List<Integer> columnNumbers,
                         String referencedSchema, String referencedTable, long referencedOid, List<Integer> referencedColumnNumbers,
                         List<String> referencedColumnNames, String onDelete, String onUpdate, String clause) {

        static ConstraintRow read(Readable row) {
            String[] referencedNames = row.get("referenced_column_names", String[].class);
            return new ConstraintRow(row.get("schema", String.class), row.get("table_name", String.class), objectId(row, "table_oid"),
                    row.get("name", String.class), row.get("type", String.class), numbers(row, "column_numbers"),
                    row.get("referenced_schema", String.class), row.get("referenced_table", String.class), objectId(row, "referenced_oid"),
                    numbers(row, "referenced_column_numbers"), referencedNames == null ? null : Arrays.asList(referencedNames),
                    row.get("on_delete", String.class), row.get("on_update", String.class), row.get("clause", String.class));
        }
    }

    /**
     * One column of an index: its attribute number (0 for an expression), whether it is a key
     * (not an INCLUDE column), whether it sorts descending, and its definition when the index has
     * expression keys (PostgreSQL spells every column of such an index out).
     */
    record IndexKeyRow(int columnNumber, boolean isKey, boolean isDescending, String definition) {
    }

    record IndexRow(String schema, String tableName, long tableOid, String name, String method, boolean isUnique,
                    boolean isPrimary, boolean ordered, String predicate, List<IndexKeyRow> keys) {

        /** pg_index.indoption bit 0: the key sorts descending. */
        private static final int DESCENDING = 1;

        static IndexRow read(Readable row) {
            List<Integer> numbers = numbers(row, "key_numbers");
            List<Integer> options = numbers(row, "key_options");
            List<String> definitions = texts(row, "key_definitions");
            int keyCount = row.get("key_count", Short.class);
            List<IndexKeyRow> keys = new ArrayList<>(numbers.size());
            for (int i = 0; i < numbers.size(); i++) {
                boolean key = i < keyCount;
                boolean descending = key && i < options.size() && (options.get(i) & DESCENDING) != 0;
                keys.add(new IndexKeyRow(numbers.get(i), key, descending, i < definitions.size() ? definitions.get(i) : null));
            }
            return new IndexRow(row.get("schema", String.class), row.get("table_name", String.class), objectId(row, "table_oid"),
                    row.get("name", String.class), row.get("method", String.class), flag(row, "is_unique"), flag(row, "is_primary"),
                    flag(row, "ordered"), row.get("predicate", String.class), keys);
        }
    }

    record ViewRow(String schema, String name, String definition) {

        static ViewRow read(Readable row) {
            return new ViewRow(row.get("schema", String.class), row.get("name", String.class), row.get("definition", String.class));
        }
    }

    record ParameterRow(String name, String mode, String defaultValue, TypeRef type) {
    }

    record RoutineRow(String schema, String name, String kind, String identity, String language, String comment,
                      String definition, String result, TypeRef returnType, List<ParameterRow> parameters) {

        static RoutineRow read(Readable row) {
            String returnType = row.get("return_type", String.class);
            return new RoutineRow(row.get("schema", String.class), row.get("name", String.class), row.get("kind", String.class),
                    row.get("identity", String.class), row.get("language", String.class), row.get("comment", String.class),
                    row.get("definition", String.class), row.get("result", String.class),
                    returnType == null ? null : CatalogJson.row(returnType, TypeRef.class),
                    CatalogJson.rows(row.get("parameters", String.class), ParameterRow.class));
        }
    }

    record TriggerRow(String schema, String tableName, String name, int typeBits, String definition) {

        static TriggerRow read(Readable row) {
            return new TriggerRow(row.get("schema", String.class), row.get("table_name", String.class), row.get("name", String.class),
                    row.get("type_bits", Integer.class), row.get("definition", String.class));
        }
    }

    record AttributeRow(String name, TypeRef type) {
    }

    record TypeRow(String schema, String name, String kind, String comment, List<String> labels, String baseType,
                   List<String> checks, boolean notNull, String defaultValue, String subtype, List<AttributeRow> attributes) {

        static TypeRow read(Readable row) {
            return new TypeRow(row.get("schema", String.class), row.get("name", String.class), row.get("kind", String.class),
                    row.get("comment", String.class), jsonList(row, "labels", String.class), row.get("base_type", String.class),
                    jsonList(row, "checks", String.class), flag(row, "not_null"), row.get("default_value", String.class),
                    row.get("subtype", String.class), jsonList(row, "attributes", AttributeRow.class));
        }
    }

    record ServerRow(String version, Integer versionNumber, String versionDetails, String user, boolean superuser, int databases,
                     String address, Integer port, List<RoleRow> roles, List<MembershipRow> memberships,
                     List<DatabaseGrantRow> databaseGrants) {
    }

    record RoleRow(String name, boolean superuser, boolean login, boolean inherit, boolean createRole, boolean createDatabase,
                   boolean replication, boolean bypassRls, Integer connectionLimit, String validUntil) {
    }

    record MembershipRow(String role, String member, String grantor, boolean adminOption, Boolean inheritOption, Boolean setOption) {
    }

    /** One privilege on one database, or (grantee null) a database whose ACL grants nothing, for its owner. */
    record DatabaseGrantRow(String database, String owner, String grantee, String grantor, String privilege, boolean grantable, String acl) {
    }

    record EnumeratedRow(String name, String owner, String encoding, String collation, Long sizeBytes, boolean isTemplate,
                         boolean isAccessible) {
    }

    /** One grantee's privilege on one object, or (grantee null) an object whose list grants nothing, for its owner. */
    record PrivilegeRow(String objectType, String schema, String name, String columnName, String owner, String grantee, String grantor,
                        String privilege, boolean grantable, String acl) {

        static PrivilegeRow read(Readable row) {
            return new PrivilegeRow(row.get("object_type", String.class), row.get("schema", String.class), row.get("name", String.class),
                    row.get("column_name", String.class), row.get("owner", String.class), row.get("grantee", String.class),
                    row.get("grantor", String.class), row.get("privilege", String.class), flag(row, "grantable"), row.get("acl", String.class));
        }
    }

    record DefaultPrivilegeRow(String owner, String schema, String objectType, String grantee, String grantor, String privilege,
                               boolean grantable, String acl) {

        static DefaultPrivilegeRow read(Readable row) {
            return new DefaultPrivilegeRow(row.get("owner", String.class), row.get("schema", String.class), row.get("object_type", String.class),
                    row.get("grantee", String.class), row.get("grantor", String.class), row.get("privilege", String.class), flag(row, "grantable"),
                    row.get("acl", String.class));
        }
    }

    /** A table's row-security flags and one of its policies (name null when it has none). */
    record PolicyRow(String schema, String tableName, boolean enabled, boolean forced, String name, String command, boolean permissive,
                     List<String> roles, String using, String withCheck) {

        static PolicyRow read(Readable row) {
            return new PolicyRow(row.get("schema", String.class), row.get("table_name", String.class), flag(row, "enabled"), flag(row, "forced"),
                    row.get("name", String.class), row.get("command", String.class), flag(row, "permissive"), jsonList(row, "roles", String.class),
                    row.get("using_expression", String.class), row.get("check_expression", String.class));
        }
    }

    private static boolean flag(Readable row, String column) {
        return Boolean.TRUE.equals(row.get(column, Boolean.class));
    }

    private static long objectId(Readable row, String column) {
        Long value = row.get(column, Long.class);
        return value == null ? 0 : value;
    }

    private static List<Integer> numbers(Readable row, String column) {
        Short[] values = row.get(column, Short[].class);
        return values == null ? List.of() : Arrays.stream(values).map(Short::intValue).toList();
    }

    private static List<String> texts(Readable row, String column) {
        String[] values = row.get(column, String[].class);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static <T> List<T> jsonList(Readable row, String column, Class<T> type) {
        String json = row.get(column, String.class);
        return json == null ? List.of() : CatalogJson.rows(json, type);
    }
}
