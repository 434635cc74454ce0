package dev.dbsurveyor.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.DatabaseAccess;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DefaultPrivilege;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Grant;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.ObjectOwner;
import dev.dbsurveyor.model.Parameter;
import dev.dbsurveyor.model.ParameterDirection;
import dev.dbsurveyor.model.Policy;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.RowSecurity;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.output.ContractMapper;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The objects of one document that a comparison matches, each by its {@link ObjectKey} and with
 * the fields it compares, in the document's JSON form: the key's own fields, and the parts that
 * are objects of their own (a table's columns, keys, indexes and constraints), are left out, and so
 * are the volatile fields unless asked for. See docs/DIFF.md for the key of each kind.
 */
final class SchemaObjects {

    /** Fields that change on every collection, by the kind that has them. */
    static final Map<DiffKind, List<String>> VOLATILE = Map.of(
            DiffKind.DATABASE, List.of("version", "size_bytes"),
            DiffKind.TABLE, List.of("row_count"),
            DiffKind.SAMPLE, List.of("collected_at", "total_rows"));

    private final DiffOptions options;
    private final SortedMap<ObjectKey, ObjectNode> objects = new TreeMap<>();

    private SchemaObjects(DiffOptions options) {
        this.options = options;
    }

    /** The compared objects of {@code document}; its database object is named {@code database}. */
    static SortedMap<ObjectKey, ObjectNode> of(DatabaseSchema document, String database, DiffOptions options) {
        SchemaObjects found = new SchemaObjects(options);
        found.add(new ObjectKey(DiffKind.DATABASE, null, null, database, null), document.databaseInfo(), "name", "collection_status");
        for (Table table : document.tables()) {
            found.add(new ObjectKey(DiffKind.TABLE, table.schema(), null, table.name(), null), table,
                    "name", "schema", "columns", "primary_key", "foreign_keys", "indexes", "constraints");
            found.columns(DiffKind.COLUMN, table.schema(), table.name(), table.columns());
            if (table.primaryKey() != null) {
                found.add(new ObjectKey(DiffKind.PRIMARY_KEY, table.schema(), table.name(), "", null), table.primaryKey());
            }
            for (ForeignKey key : table.foreignKeys()) {
                String name = key.name() != null ? key.name() : String.join(",", key.columns());
                found.add(new ObjectKey(DiffKind.FOREIGN_KEY, table.schema(), table.name(), name, null), key, "name");
            }
            table.indexes().forEach(found::index);
            table.constraints().forEach(found::constraint);
        }
        document.indexes().forEach(found::index);
        document.constraints().forEach(found::constraint);
        for (View view : document.views()) {
            found.add(new ObjectKey(DiffKind.VIEW, view.schema(), null, view.name(), null), view, "name", "schema", "columns");
            found.columns(DiffKind.VIEW_COLUMN, view.schema(), view.name(), view.columns());
        }
        document.procedures().forEach(routine -> found.routine(DiffKind.PROCEDURE, routine));
        document.functions().forEach(routine -> found.routine(DiffKind.FUNCTION, routine));
        for (Trigger trigger : document.allTriggers()) {
            found.add(new ObjectKey(DiffKind.TRIGGER, trigger.schema(), trigger.tableName(), trigger.name(), null), trigger,
                    "name", "table_name", "schema");
        }
        document.customTypes().forEach(type -> found.add(new ObjectKey(DiffKind.CUSTOM_TYPE, type.schema(), null, type.name(), null),
                type, "name", "schema"));
        document.events().forEach(event -> found.add(new ObjectKey(DiffKind.EVENT, event.schema(), null, event.name(), null),
                event, "name", "schema"));
        if (document.access() != null) {
            found.access(document.access());
        }
        if (document.samples() != null) {
            for (TableSample sample : document.samples()) {
                found.add(new ObjectKey(DiffKind.SAMPLE, sample.schemaName(), sample.tableName(), "", null), sample,
                        "table_name", "schema_name");
            }
        }
        return found.objects;
    }

    /**
     * A grant is keyed by its object (a column grant by its table, its name prefixed by the column)
     * and named {@code grantee privilege}, so that a grantee who gains or loses one privilege is one
     * change; an owner is named {@code owner}, a default privilege {@code default for <owner>:
     * grantee privilege}; row security is a policy object named {@code ""}.
     */
    private void access(DatabaseAccess access) {
        for (Grant grant : access.privileges()) {
            String object = grant.columnName() != null ? grant.objectName() + "." + grant.columnName() : grant.objectName();
            add(new ObjectKey(DiffKind.PRIVILEGE, grant.schema(), object, grant.grantee() + " " + grant.privilege(),
                    grant.objectType().name().toLowerCase(java.util.Locale.ROOT)), grant, "object_type", "schema", "object_name", "column_name",
                    "grantee", "privilege");
        }
        for (ObjectOwner owner : access.owners()) {
            add(new ObjectKey(DiffKind.PRIVILEGE, owner.schema(), owner.name(), "owner", owner.objectType().name().toLowerCase(java.util.Locale.ROOT)),
                    owner, "object_type", "schema", "name");
        }
        for (DefaultPrivilege defaults : access.defaultPrivileges()) {
            add(new ObjectKey(DiffKind.PRIVILEGE, defaults.schema(), "default for " + defaults.owner(), defaults.grantee() + " " + defaults.privilege(),
                    defaults.objectType().name().toLowerCase(java.util.Locale.ROOT)), defaults, "owner", "schema", "object_type", "grantee", "privilege");
        }
        for (RowSecurity security : access.rowSecurity()) {
            add(new ObjectKey(DiffKind.POLICY, security.schema(), security.tableName(), "", null), security, "schema", "table_name");
        }
        for (Policy policy : access.policies()) {
            add(new ObjectKey(DiffKind.POLICY, policy.schema(), policy.tableName(), policy.name(), null), policy, "name", "schema", "table_name");
        }
    }

    private void columns(DiffKind kind, String schema, String owner, List<Column> columns) {
        for (Column column : columns) {
            add(new ObjectKey(kind, schema, owner, column.name(), null), column, "name");
        }
    }

    private void index(Index index) {
        add(new ObjectKey(DiffKind.INDEX, index.schema(), index.tableName(), index.name(), null), index, "name", "table_name", "schema");
    }

    /** Primary and foreign keys are compared as the table's keys, which say more; every other constraint here. */
    private void constraint(Constraint constraint) {
        if (constraint.kind() == ConstraintType.PRIMARY_KEY || constraint.kind() == ConstraintType.FOREIGN_KEY) {
            return;
        }
        add(new ObjectKey(DiffKind.CONSTRAINT, constraint.schema(), constraint.tableName(), constraint.name(), null), constraint,
                "name", "table_name", "schema");
    }

    private void routine(DiffKind kind, Routine routine) {
        add(new ObjectKey(kind, routine.schema(), null, routine.name(), signature(routine)), routine, "name", "schema");
    }

    /** The types of the parameters a call passes, which tell overloads apart. */
    static String signature(Routine routine) {
        return routine.parameters().stream()
                .filter(parameter -> parameter.direction() != ParameterDirection.OUT)
                .map(SchemaObjects::typeOf)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String typeOf(Parameter parameter) {
        return parameter.nativeType() != null ? parameter.nativeType()
                : ContractMapper.mapper().valueToTree(parameter.dataType()).toString();
    }

    /** Adds an object once (a table's indexes are listed twice in a document); its fields without {@code leftOut}. */
    private void add(ObjectKey key, Object value, String... leftOut) {
        if (!options.compares(key.kind()) || objects.containsKey(key)) {
            return;
        }
        ObjectNode fields = ContractMapper.mapper().valueToTree(value);
        fields.remove(List.of(leftOut));
        if (!options.includeVolatile()) {
            fields.remove(VOLATILE.getOrDefault(key.kind(), List.of()));
        }
        objects.put(key, fields);
    }
}
