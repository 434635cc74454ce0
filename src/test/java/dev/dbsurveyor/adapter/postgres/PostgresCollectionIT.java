package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.CustomType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.ParameterDirection;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.TableReference;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import dev.dbsurveyor.model.TypeCategory;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.model.UnifiedDataType.ArrayType;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.PostgresServers;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;

import static dev.dbsurveyor.adapter.postgres.PostgresFixtures.column;
import static dev.dbsurveyor.adapter.postgres.PostgresFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collects a fixture database that holds every object kind, in two schemas with clashing table
 * names and hostile identifiers, on every PostgreSQL the build provides, and compares the
 * document with what the fixture declares.
 */
class PostgresCollectionIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static final String ODD = "Odd \"Schema\" ü";

    static List<Named<ServerEndpoint>> servers() {
        return PostgresServers.all();
    }

    private static DatabaseSchema collectFixture(TestServer server, String fixture) {
        String database = server.createDatabase();
        server.execute(database, PostgresFixtures.sql(fixture));
        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);
            return document;
        } finally {
            adapter.close().block();
        }
    }

    private static int major(TestServer server) {
        return Integer.parseInt(String.valueOf(server.query(null, "SELECT current_setting('server_version_num') AS v").get(0).get("v"))) / 10000;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyObjectKindIsCollectedAsDeclared(ServerEndpoint endpoint) {
        try (TestServer server = new TestServer(endpoint)) {
            DatabaseSchema document = collectFixture(server, "every-object-kind.sql");

            assertThat(document.databaseInfo().collectionStatus()).isEqualTo(CollectionStatus.SUCCESS);
            assertThat(document.databaseInfo().accessLevel()).isEqualTo(AccessLevel.FULL);
            assertThat(document.databaseInfo().encoding()).isEqualTo("UTF8");
            assertThat(document.databaseInfo().sizeBytes()).isPositive();
            assertThat(document.databaseInfo().isSystemDatabase()).isFalse();
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            assertThat(document.collectionMetadata().warnings()).isEmpty();
            assertThat(document.samples()).isNull();

            assertThat(document.tables()).extracting(t -> new TableReference(t.schema(), t.name())).containsExactlyInAnyOrder(
                    new TableReference(ODD, "MixedCase Table; DROP TABLE x --"),
                    new TableReference(ODD, "a_sixty_three_byte_table_name_that_is_exactly_the_limit_xxxxxxx"),
                    new TableReference(ODD, "customers"),
                    new TableReference("shop", "bookings"),
                    new TableReference("shop", "customers"),
                    new TableReference("shop", "events"),
                    new TableReference("shop", "events_2026"),
                    new TableReference("shop", "order_lines"),
                    new TableReference("shop", "orders"));

            customersTable(document);
            ordersTable(document);
            partitionsAndExclusion(document, major(server));
            hostileNamesInTheSecondSchema(document);
            views(document);
            routines(document);
            triggers(document);
            customTypes(document);

            assertThat(document.indexes()).hasSameElementsAs(document.tables().stream().flatMap(t -> t.indexes().stream()).toList());
            assertThat(document.constraints()).hasSameElementsAs(document.tables().stream().flatMap(t -> t.constraints().stream()).toList());
        }
    }

    private static void customersTable(DatabaseSchema document) {
        Table customers = table(document, "shop", "customers");
        assertThat(customers.comment()).isEqualTo("People who buy");
        assertThat(customers.kind()).isEqualTo(TableKind.TABLE);
        assertThat(customers.columns()).hasSize(33);
        assertThat(customers.columns()).extracting(Column::ordinalPosition).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 33).boxed().toList());
        assertThat(customers.primaryKey().columns()).containsExactly("id");

        Column id = column(customers, "id");
        assertThat(id.dataType()).isEqualTo(new UnifiedDataType.IntegerType(64, true));
        assertThat(id.isNullable()).isFalse();
        assertThat(id.isPrimaryKey()).isTrue();
        assertThat(id.isAutoIncrement()).isTrue();
        assertThat(id.defaultValue()).isEqualTo("GENERATED ALWAYS AS IDENTITY");

        Column email = column(customers, "email");
        assertThat(email.dataType()).isEqualTo(new UnifiedDataType.StringType(320));
        assertThat(email.nativeType()).isEqualTo("character varying(320)");
        assertThat(email.isNullable()).isFalse();
        assertThat(email.comment()).isEqualTo("Where receipts go");

        Function<String, UnifiedDataType> type = name -> column(customers, name).dataType();
        assertThat(type.apply("name")).isEqualTo(new UnifiedDataType.StringType(null));
        assertThat(type.apply("mood")).isEqualTo(new UnifiedDataType.CustomType("shop.mood"));
        assertThat(column(customers, "mood").defaultValue()).isEqualTo("'ok'::shop.mood");
        assertThat(type.apply("tags")).isEqualTo(new ArrayType(new UnifiedDataType.StringType(null)));
        assertThat(type.apply("matrix")).isEqualTo(new ArrayType(new ArrayType(new UnifiedDataType.IntegerType(32, true))));
        assertThat(type.apply("profile")).isEqualTo(new UnifiedDataType.JsonType());
        assertThat(type.apply("external_id")).isEqualTo(new UnifiedDataType.UuidType());
        assertThat(type.apply("created_at")).isEqualTo(new UnifiedDataType.DateTimeType(true));
        assertThat(column(customers, "created_at").defaultValue()).isEqualTo("now()");
        assertThat(type.apply("birthday")).isEqualTo(new UnifiedDataType.DateType());
        assertThat(type.apply("wake_up")).isEqualTo(new UnifiedDataType.TimeType(false));
        assertThat(type.apply("wake_up_tz")).isEqualTo(new UnifiedDataType.TimeType(true));
        assertThat(type.apply("local_seen")).isEqualTo(new UnifiedDataType.DateTimeType(false));
        assertThat(column(customers, "local_seen").nativeType()).isEqualTo("timestamp(3) without time zone");
        assertThat(type.apply("balance")).isEqualTo(new UnifiedDataType.FloatType(12));
        assertThat(type.apply("loyalty")).isEqualTo(new UnifiedDataType.IntegerType(32, true));
        assertThat(type.apply("huge")).isEqualTo(new UnifiedDataType.FloatType(40));
        assertThat(type.apply("ratio")).isEqualTo(new UnifiedDataType.FloatType(24));
        assertThat(type.apply("score")).isEqualTo(new UnifiedDataType.FloatType(53));
        assertThat(type.apply("small")).isEqualTo(new UnifiedDataType.IntegerType(16, true));
        assertThat(type.apply("tiny")).isEqualTo(new UnifiedDataType.StringType(1));
        assertThat(type.apply("fixed")).isEqualTo(new UnifiedDataType.StringType(3));
        assertThat(type.apply("photo")).isEqualTo(new UnifiedDataType.BinaryType(null));
        assertThat(type.apply("active")).isEqualTo(new UnifiedDataType.BooleanType());
        assertThat(type.apply("pause")).isEqualTo(new UnifiedDataType.CustomType("interval"));
        assertThat(type.apply("addr")).isEqualTo(new UnifiedDataType.CustomType("inet"));
        assertThat(type.apply("loc")).isEqualTo(new UnifiedDataType.CustomType("point"));
        assertThat(type.apply("search")).isEqualTo(new UnifiedDataType.CustomType("tsvector"));
        assertThat(type.apply("doc")).isEqualTo(new UnifiedDataType.CustomType("xml"));
        assertThat(type.apply("flags")).isEqualTo(new UnifiedDataType.CustomType("bit(8)"));
        assertThat(type.apply("cash")).isEqualTo(new UnifiedDataType.FloatType(null));
        assertThat(type.apply("counter")).isEqualTo(new UnifiedDataType.CustomType("shop.positive_int"));
        assertThat(type.apply("pair_value")).isEqualTo(new UnifiedDataType.CustomType("shop.pair"));
        assertThat(column(customers, "name_upper").defaultValue()).isEqualTo("GENERATED ALWAYS AS (upper(name)) STORED");
        assertThat(column(customers, "name_upper").isAutoIncrement()).isFalse();

        assertThat(customers.constraints()).extracting(Constraint::name, Constraint::constraintType, Constraint::columns)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("customers_pkey", ConstraintType.PRIMARY_KEY, List.of("id")),
                        org.assertj.core.groups.Tuple.tuple("customers_email_key", ConstraintType.UNIQUE, List.of("email")));
    }

    private static void ordersTable(DatabaseSchema document) {
        Table orders = table(document, "shop", "orders");
        assertThat(orders.primaryKey().name()).isEqualTo("orders_pkey");
        assertThat(orders.primaryKey().columns()).containsExactly("region", "id");
        assertThat(column(orders, "id").isAutoIncrement()).as("serial").isTrue();
        assertThat(column(orders, "id").defaultValue()).startsWith("nextval(");
        assertThat(column(orders, "region").isPrimaryKey()).isTrue();
        assertThat(column(orders, "total").isPrimaryKey()).isFalse();

        assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("orders_customer_fk", List.of("customer_id"), "customers",
                "shop", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL));
        assertThat(table(document, "shop", "order_lines").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).containsExactly("region", "order_id");
            assertThat(fk.referencedColumns()).containsExactly("region", "id");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
            assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.SET_DEFAULT);
        });
        assertThat(orders.constraints()).filteredOn(c -> c.constraintType() == ConstraintType.CHECK).singleElement()
                .satisfies(check -> {
                    assertThat(check.columns()).containsExactly("total");
                    assertThat(check.checkClause()).contains("total >= ");
                });

        Index placed = index(orders, "orders_placed_idx");
        assertThat(placed.columns()).containsExactly(
                new IndexColumn("placed_at", SortOrder.DESCENDING, null),
                new IndexColumn("customer_id", SortOrder.ASCENDING, null),
                new IndexColumn("total", null, null));
        assertThat(placed.predicate()).contains("total > ");
        assertThat(placed.isUnique()).isFalse();
        assertThat(placed.indexType()).isEqualTo("btree");
        assertThat(index(orders, "orders_lower_region_idx").columns())
                .containsExactly(new IndexColumn("lower(region)", SortOrder.ASCENDING, "lower(region)"));
        assertThat(index(orders, "orders_period_idx").indexType()).isEqualTo("gist");
        assertThat(index(orders, "orders_period_idx").columns()).containsExactly(new IndexColumn("period", null, null));
        assertThat(index(orders, "orders_pkey").isPrimary()).isTrue();
        assertThat(index(orders, "orders_pkey").isUnique()).isTrue();
    }

    private static void partitionsAndExclusion(DatabaseSchema document, int major) {
        assertThat(table(document, "shop", "events").kind()).isEqualTo(TableKind.PARTITIONED_TABLE);
        Table partition = table(document, "shop", "events_2026");
        assertThat(partition.kind()).isEqualTo(TableKind.TABLE);
        assertThat(partition.partitionOf()).isEqualTo(new TableReference("shop", "events"));
        assertThat(partition.rowCount()).as("never analyzed").isEqualTo(major >= 14 ? null : 0L);
        assertThat(table(document, ODD, "customers").rowCount()).as("analyzed").isEqualTo(3L);

        assertThat(table(document, "shop", "bookings").constraints()).singleElement().satisfies(exclusion -> {
            assertThat(exclusion.constraintType()).as("its closest v1.0 form").isEqualTo(ConstraintType.CHECK);
            assertThat(exclusion.kind()).isEqualTo(ConstraintType.EXCLUSION);
            assertThat(exclusion.checkClause()).startsWith("EXCLUDE USING gist");
            assertThat(exclusion.columns()).containsExactly("during");
        });
    }

    private static void hostileNamesInTheSecondSchema(DatabaseSchema document) {
        Table customers = table(document, ODD, "customers");
        assertThat(customers.columns()).extracting(Column::name).containsExactly(
                "Id", "quote\"d col", "spaced name", "ünïcödé", "a_sixty_three_byte_column_name_that_is_exactly_the_limit_xxxxxx");
        assertThat(customers.primaryKey().columns()).containsExactly("Id");
        assertThat(customers.foreignKeys()).isEmpty();
        assertThat(customers.indexes()).extracting(Index::name).containsExactly("customers_pkey");

        Table mixed = table(document, ODD, "MixedCase Table; DROP TABLE x --");
        assertThat(mixed.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedSchema()).isEqualTo(ODD);
            assertThat(fk.referencedTable()).isEqualTo("customers");
            assertThat(fk.referencedColumns()).containsExactly("Id");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
        });
        assertThat(table(document, ODD, "a_sixty_three_byte_table_name_that_is_exactly_the_limit_xxxxxxx").name()).hasSize(63);
    }

    private static void views(DatabaseSchema document) {
        assertThat(document.views()).extracting(View::name).containsExactlyInAnyOrder("big_orders", "order_totals");
        View big = document.views().stream().filter(v -> v.name().equals("big_orders")).findFirst().orElseThrow();
        assertThat(big.isMaterialized()).isFalse();
        assertThat(big.comment()).isEqualTo("Orders worth a look");
        assertThat(big.definition()).contains("FROM shop.orders").contains("1000");
        assertThat(big.columns()).extracting(Column::name).containsExactly("id", "total");
        View totals = document.views().stream().filter(v -> v.name().equals("order_totals")).findFirst().orElseThrow();
        assertThat(totals.isMaterialized()).isTrue();
        assertThat(totals.columns()).extracting(Column::name).containsExactly("customer_id", "total");
        assertThat(totals.definition()).contains("GROUP BY");
    }

    private static void routines(DatabaseSchema document) {
        assertThat(document.functions()).extracting(Routine::name).containsExactlyInAnyOrder("order_count", "split_total", "touch");
        assertThat(document.procedures()).extracting(Routine::name).containsExactly("archive");

        Routine count = routine(document.functions(), "order_count");
        assertThat(count.returnType()).isEqualTo(new UnifiedDataType.IntegerType(64, true));
        assertThat(count.returnNativeType()).isEqualTo("bigint");
        assertThat(count.language()).isEqualTo("sql");
        assertThat(count.comment()).isEqualTo("Orders of one customer");
        assertThat(count.definition()).startsWith("CREATE OR REPLACE FUNCTION shop.order_count(");
        assertThat(count.parameters()).hasSize(2);
        assertThat(count.parameters().get(0).name()).isEqualTo("customer");
        assertThat(count.parameters().get(0).dataType()).isEqualTo(new UnifiedDataType.IntegerType(64, true));
        assertThat(count.parameters().get(1).defaultValue()).isEqualTo("'2020-01-01'::date");
        assertThat(count.parameters().get(1).dataType()).isEqualTo(new UnifiedDataType.DateType());

        assertThat(routine(document.functions(), "split_total").parameters())
                .extracting(p -> p.name() + ":" + p.direction())
                .containsExactly("amount:" + ParameterDirection.IN, "half:" + ParameterDirection.OUT, "rest:" + ParameterDirection.IN_OUT);
        assertThat(routine(document.functions(), "touch").returnType()).isEqualTo(new UnifiedDataType.CustomType("trigger"));

        Routine archive = routine(document.procedures(), "archive");
        assertThat(archive.returnType()).isNull();
        assertThat(archive.parameters()).singleElement().satisfies(p -> assertThat(p.direction()).isEqualTo(ParameterDirection.IN));
    }

    private static void triggers(DatabaseSchema document) {
        assertThat(document.triggers()).extracting(Trigger::name, Trigger::tableName, Trigger::timing, Trigger::event, Trigger::events)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders_touch", "orders", TriggerTiming.BEFORE, TriggerEvent.INSERT,
                                List.of(TriggerEvent.INSERT, TriggerEvent.UPDATE)),
                        org.assertj.core.groups.Tuple.tuple("orders_audit", "orders", TriggerTiming.AFTER, TriggerEvent.DELETE,
                                List.of(TriggerEvent.DELETE, TriggerEvent.TRUNCATE)),
                        org.assertj.core.groups.Tuple.tuple("big_orders_write", "big_orders", TriggerTiming.INSTEAD_OF, TriggerEvent.INSERT,
                                List.of(TriggerEvent.INSERT)));
        assertThat(document.triggers()).allSatisfy(t -> assertThat(t.definition()).startsWith("CREATE TRIGGER"));
    }

    private static void customTypes(DatabaseSchema document) {
        assertThat(document.customTypes()).extracting(CustomType::name, CustomType::category).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("mood", TypeCategory.ENUM),
                org.assertj.core.groups.Tuple.tuple("positive_int", TypeCategory.DOMAIN),
                org.assertj.core.groups.Tuple.tuple("pair", TypeCategory.COMPOSITE),
                org.assertj.core.groups.Tuple.tuple("price_range", TypeCategory.RANGE));
        CustomType mood = customType(document, "mood");
        assertThat(mood.enumLabels()).containsExactly("sad", "ok", "happy");
        assertThat(mood.definition()).isEqualTo("ENUM ('sad', 'ok', 'happy')");
        CustomType domain = customType(document, "positive_int");
        assertThat(domain.baseType()).isEqualTo("integer");
        assertThat(domain.definition()).isEqualTo("integer NOT NULL DEFAULT 1 CHECK (VALUE > 0)");
        CustomType pair = customType(document, "pair");
        assertThat(pair.attributes()).extracting(a -> a.name() + " " + a.nativeType())
                .containsExactly("left_value integer", "right_label character varying(20)");
        assertThat(pair.attributes().get(1).dataType()).isEqualTo(new UnifiedDataType.StringType(20));
        assertThat(customType(document, "price_range").definition()).isEqualTo("RANGE (subtype = numeric)");
    }

    private static Index index(Table table, String name) {
        return table.indexes().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No index " + name));
    }

    private static Routine routine(List<Routine> routines, String name) {
        return routines.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("No routine " + name));
    }

    private static CustomType customType(DatabaseSchema document, String name) {
        return document.customTypes().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anEmptyDatabaseGivesAnEmptyValidDocument(ServerEndpoint endpoint) {
        try (TestServer server = new TestServer(endpoint)) {
            String database = server.createDatabase();
            PostgresAdapter adapter = PostgresFixtures.adapter(endpoint);
            try {
                DatabaseSchema document = adapter.collect(database).block();

                ContractSchemas.assertValid(document);
                assertThat(document.databaseInfo().name()).isEqualTo(database);
                assertThat(document.tables()).isEmpty();
                assertThat(document.views()).isEmpty();
                assertThat(document.functions()).isEmpty();
                assertThat(document.customTypes()).isEmpty();
                assertThat(document.collectionMetadata().objectFailures()).isEmpty();
                assertThat(document.databaseInfo().collectionStatus()).isEqualTo(CollectionStatus.SUCCESS);
            } finally {
                adapter.close().block();
            }
        }
    }
}
