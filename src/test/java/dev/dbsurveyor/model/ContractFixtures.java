package dev.dbsurveyor.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/** Documents that use every record, and every variant of every enum and union, of the contract. */
public final class ContractFixtures {

    public static final Instant COLLECTED_AT = Instant.parse("2026-11-23T15:30:00.125Z");

    private ContractFixtures() {
    }

    public static List<UnifiedDataType> everyDataType() {
        return List.of(
                new UnifiedDataType.BooleanType(),
                new UnifiedDataType.DateType(),
                new UnifiedDataType.JsonType(),
                new UnifiedDataType.UuidType(),
                new UnifiedDataType.StringType(255),
                new UnifiedDataType.StringType(null),
                new UnifiedDataType.IntegerType(8, false),
                new UnifiedDataType.IntegerType(16, true),
                new UnifiedDataType.IntegerType(32, true),
                new UnifiedDataType.IntegerType(64, true),
                new UnifiedDataType.IntegerType(128, false),
                new UnifiedDataType.FloatType(53),
                new UnifiedDataType.FloatType(null),
                new UnifiedDataType.DateTimeType(true),
                new UnifiedDataType.TimeType(false),
                new UnifiedDataType.BinaryType(16),
                new UnifiedDataType.BinaryType(null),
                new UnifiedDataType.ArrayType(new UnifiedDataType.ArrayType(new UnifiedDataType.StringType(10))),
                new UnifiedDataType.CustomType("public.mood"));
    }

    public static Column column(String name, UnifiedDataType type, int position) {
        return new Column(name, type, position != 1, position == 1, position == 1, null, null, position, "native " + name);
    }

    public static DatabaseSchema fullDocument() {
        List<UnifiedDataType> types = everyDataType();
        List<Column> columns = new java.util.ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(column("c" + (i + 1), types.get(i), i + 1));
        }
        Index pkIndex = new Index("orders_pkey", "orders", "public",
                List.of(new IndexColumn("c1", SortOrder.ASCENDING, null)), true, true, "btree", null);
        Index partial = new Index("orders_lower_idx", "orders", "public",
                List.of(new IndexColumn("lower(c5)", SortOrder.DESCENDING, "lower(c5)"), new IndexColumn("c2", null, null, 10)),
                false, false, "btree", "(c2 IS NOT NULL)");
        List<Constraint> constraints = List.of(
                new Constraint("orders_pkey", "orders", "public", ConstraintType.PRIMARY_KEY, List.of("c1"), null),
                new Constraint("orders_fk", "orders", "public", ConstraintType.FOREIGN_KEY, List.of("c3"), null),
                new Constraint("orders_c5_key", "orders", "public", ConstraintType.UNIQUE, List.of("c5"), null),
                new Constraint("orders_c2_check", "orders", "public", ConstraintType.CHECK, List.of("c2"), "(c2 > 0)"),
                new Constraint("orders_c2_not_null", "orders", "public", ConstraintType.NOT_NULL, List.of("c2"), null),
                new Constraint("orders_excl", "orders", "public", ConstraintType.EXCLUSION, List.of("c14"), "EXCLUDE USING gist (c14 WITH =)"));
        List<ForeignKey> foreignKeys = List.of(
                new ForeignKey("fk_cascade", List.of("c3"), "customers", "public", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                new ForeignKey("fk_set", List.of("c3", "c4"), "pairs", null, List.of("a", "b"), ReferentialAction.SET_NULL, ReferentialAction.SET_DEFAULT),
                new ForeignKey(null, List.of("c4"), "other", "s", List.of("x"), ReferentialAction.RESTRICT, null));
        Table orders = new Table("orders", "public", columns, new PrimaryKey("orders_pkey", List.of("c1")), foreignKeys,
                List.of(pkIndex, partial), constraints, "Customer orders.", 148_231L, TableKind.TABLE, null);
        Table partitioned = new Table("events", "public", List.of(column("id", new UnifiedDataType.IntegerType(64, true), 1)),
                null, List.of(), List.of(), List.of(), null, null, TableKind.PARTITIONED_TABLE, null);
        Table partition = new Table("events_2026", "public", List.of(column("id", new UnifiedDataType.IntegerType(64, true), 1)),
                null, List.of(), List.of(), List.of(), null, 0L, TableKind.TABLE,
                new TableReference("public", "events"));
        Table foreign = new Table("remote", "ext", List.of(column("id", new UnifiedDataType.IntegerType(32, true), 1)),
                null, List.of(), List.of(), List.of(), null, null, TableKind.FOREIGN_TABLE, null);
        Table versioned = new Table("history", null, List.of(column("id", new UnifiedDataType.IntegerType(32, true), 1)),
                null, List.of(), List.of(), List.of(), null, null, TableKind.SYSTEM_VERSIONED_TABLE, null);
        List<View> views = List.of(
                new View("recent_orders", "public", "SELECT c1 FROM orders", List.of(columns.get(0)), "Recent.", false),
                new View("order_totals", "public", null, List.of(), null, true));
        List<Parameter> parameters = List.of(
                new Parameter("cutoff", new UnifiedDataType.DateTimeType(true), ParameterDirection.IN, "now()", "timestamp with time zone"),
                new Parameter("", new UnifiedDataType.IntegerType(32, true), ParameterDirection.OUT, null, "integer"),
                new Parameter("total", new UnifiedDataType.FloatType(null), ParameterDirection.IN_OUT, null, "numeric"));
        Routine procedure = new Routine("archive_orders", "public", "BEGIN NULL; END", parameters, null, "plpgsql", null, null);
        Routine function = new Routine("order_total", "public", "SELECT 1", List.of(), new UnifiedDataType.FloatType(53), "sql", "Total.", "double precision");
        List<Trigger> triggers = List.of(
                new Trigger("orders_audit", "orders", "public", TriggerEvent.INSERT, TriggerTiming.AFTER, "EXECUTE FUNCTION audit()",
                        List.of(TriggerEvent.INSERT, TriggerEvent.UPDATE, TriggerEvent.DELETE, TriggerEvent.TRUNCATE)),
                new Trigger("orders_check", "orders", "public", TriggerEvent.UPDATE, TriggerTiming.BEFORE, null, List.of(TriggerEvent.UPDATE)),
                new Trigger("view_write", "recent_orders", "public", TriggerEvent.DELETE, TriggerTiming.INSTEAD_OF, null, List.of()),
                new Trigger("orders_wipe", "orders", "public", TriggerEvent.TRUNCATE, TriggerTiming.AFTER, "EXECUTE FUNCTION audit()",
                        List.of(TriggerEvent.TRUNCATE)));
        List<CustomType> customTypes = List.of(
                new CustomType("mood", "public", "ENUM ('sad', 'ok')", TypeCategory.ENUM, List.of("sad", "ok"), null, List.of()),
                new CustomType("pair", "public", "(a integer, b text)", TypeCategory.COMPOSITE, List.of(), null,
                        List.of(new CompositeAttribute("a", new UnifiedDataType.IntegerType(32, true), "integer"),
                                new CompositeAttribute("b", new UnifiedDataType.StringType(null), "text"))),
                new CustomType("positive", "public", "integer CHECK (VALUE > 0)", TypeCategory.DOMAIN, List.of(), "integer", List.of()),
                new CustomType("span", "public", "RANGE (subtype = integer)", TypeCategory.RANGE, List.of(), null, List.of()));
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("c1", 1).put("c5", "AB-1").put("amount", "12345678901234567890.5").putNull("missing");
        row.putArray("tags").add("a").add("b");
        row.putObject("doc").put("k", true);
        List<TableSample> samples = List.of(
                new TableSample("orders", "public", List.of(row), 1, 148_231L, new SamplingStrategy.MostRecent(10), COLLECTED_AT,
                        List.of(), new SampleStatus.Complete()),
                new TableSample("events", "public", List.of(), 0, null, new SamplingStrategy.Random(5), COLLECTED_AT,
                        List.of("no reliable order"), new SampleStatus.PartialRetry(10)),
                new TableSample("secret", "public", List.of(), 0, null, new SamplingStrategy.None(), COLLECTED_AT,
                        List.of("permission denied"), new SampleStatus.Skipped("permission denied")),
                new TableSample("legacy", null, List.of(), 0, null, new SamplingStrategy.None(), COLLECTED_AT, List.of(), null));
        List<ObjectFailure> failures = List.of(
                new ObjectFailure(ObjectType.TABLE, "secret", "public", CollectionStage.COLLECT_COLUMNS, ErrorCategory.PERMISSION,
                        "permission denied for table secret", 0, null),
                new ObjectFailure(ObjectType.VIEW, "slow", "public", CollectionStage.COLLECT_VIEWS, ErrorCategory.TIMEOUT,
                        "canceling statement due to statement timeout", 3, 4_000L),
                new ObjectFailure(ObjectType.INDEX, "gone", "public", CollectionStage.COLLECT_INDEXES, ErrorCategory.NOT_FOUND, "gone", 1, 500L),
                new ObjectFailure(ObjectType.CONSTRAINT, "c", "public", CollectionStage.COLLECT_CONSTRAINTS, ErrorCategory.INVALID_DATA, "bad", 0, null),
                new ObjectFailure(ObjectType.PROCEDURE, "p", null, CollectionStage.COLLECT_ROUTINES, ErrorCategory.OTHER, "x", 0, null),
                new ObjectFailure(ObjectType.FUNCTION, "f", null, CollectionStage.ENUMERATE_SCHEMAS, ErrorCategory.OTHER, "x", 0, null),
                new ObjectFailure(ObjectType.TRIGGER, "t", null, CollectionStage.COLLECT_TRIGGERS, ErrorCategory.OTHER, "x", 0, null),
                new ObjectFailure(ObjectType.CUSTOM_TYPE, "ty", null, CollectionStage.ENUMERATE_TABLES, ErrorCategory.OTHER, "x", 0, null),
                new ObjectFailure(ObjectType.TABLE, "o", null, CollectionStage.OTHER, ErrorCategory.OTHER, "x", 0, null),
                new ObjectFailure(ObjectType.EVENT, "nightly", "shop", CollectionStage.OTHER, ErrorCategory.PERMISSION, "x", 0, null),
                new ObjectFailure(ObjectType.TABLE, "secret", "public", CollectionStage.SAMPLE_DATA, ErrorCategory.PERMISSION,
                        "permission denied for table secret", 0, null));
        DatabaseInfo info = new DatabaseInfo("inventory", "PostgreSQL 17.2", 52_428_800L, "UTF8", "en_US.UTF-8", "app_owner",
                false, AccessLevel.FULL, CollectionStatus.SUCCESS);
        return new DatabaseSchema(DatabaseSchema.FORMAT_VERSION, info,
                List.of(orders, partitioned, partition, foreign, versioned), views, List.of(pkIndex, partial), constraints,
                List.of(procedure), List.of(function), triggers, customTypes, samples,
                new CollectionMetadata(COLLECTED_AT, 1_843, "0.1.0", List.of("one warning"), failures),
                List.of(new ScheduledEvent("nightly", "inventory", "DELETE FROM orders WHERE id < 0", "EVERY 1 DAY", "ENABLED", "cleanup"),
                        new ScheduledEvent("once", null, null, null, null, null)));
    }

    public static DatabaseSchema stubDocument(String name, CollectionStatus status) {
        return DatabaseSchema.notCollected(name, status, 0, COLLECTED_AT, "0.1.0");
    }

    public static ServerInfo serverInfo(ServerType type) {
        return new ServerInfo(type, "17.2", "db.example.internal", 5432, 4, "surveyor", false, 170002, "PostgreSQL 17.2 on x86_64-pc-linux-gnu");
    }

    public static MultiDatabaseMetadata sweepMetadata() {
        return new MultiDatabaseMetadata(COLLECTED_AT, 9_000, 5, 1, 1, 2, 1, 8, "0.1.0", List.of("template0 filtered"),
                new DurationStats(1_250.5, 1_843, 1_843, 0.55));
    }

    public static MultiDatabaseResult bundle() {
        return new MultiDatabaseResult(DatabaseSchema.FORMAT_VERSION, serverInfo(ServerType.POSTGRESQL),
                List.of(new DatabaseCollectionResult("inventory", fullDocument(), 1_843)),
                List.of(new DatabaseFailure("broken", "connection refused", ErrorCategory.OTHER, true, 3),
                        new DatabaseFailure("locked", "permission denied for database locked", ErrorCategory.PERMISSION, false, 0)),
                sweepMetadata(), List.of(new SkippedDatabase("locked_out", "the role may not connect to this database")),
                List.of(new SkippedDatabase("template0", "system database")));
    }

    public static MultiDatabaseManifest manifest() {
        return new MultiDatabaseManifest(DatabaseSchema.FORMAT_VERSION, serverInfo(ServerType.MARIADB),
                List.of(new ManifestEntry("inventory", "inventory.dbsurveyor.json", CollectionStatus.SUCCESS, 1_843, 9),
                        new ManifestEntry("broken", "broken.dbsurveyor.json", new CollectionStatus.Failed("connection refused"), 30, 0),
                        new ManifestEntry("no access", "no%20access.dbsurveyor.json", new CollectionStatus.Skipped("no CONNECT privilege"), 0, 0)),
                sweepMetadata(), List.of(new SkippedDatabase("template0", "system database")));
    }

    public static EnumeratedDatabase enumeratedDatabase() {
        return new EnumeratedDatabase("inventory", "app_owner", "UTF8", "en_US.UTF-8", 52_428_800L, false, true);
    }
}
