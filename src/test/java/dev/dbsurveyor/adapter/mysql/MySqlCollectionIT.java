package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.IndexColumn;
import dev.dbsurveyor.model.Parameter;
import dev.dbsurveyor.model.ParameterDirection;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.Routine;
import dev.dbsurveyor.model.ScheduledEvent;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.Trigger;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.model.View;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static dev.dbsurveyor.adapter.mysql.MySqlFixtures.column;
import static dev.dbsurveyor.adapter.mysql.MySqlFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Collects a fixture database holding every object kind, next to a second database with a
 * hostile name and a clashing table name read in the same batch, and compares the documents
 * field by field with what the fixture declares.
 */
class MySqlCollectionIT {

    private static final String HOSTILE_DATABASE = "Odd `db` 'ü'; DROP DATABASE x -- ";

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    @Test
    void everyObjectKindIsCollectedAsDeclaredAndDatabasesOfOneBatchStayApart(@MySql TestServer server) {
        String database = server.createDatabase();
        MySqlFixtures.load(server, database, "every-object-kind.sql");
        String clashing = server.createDatabase(TestServer.uniqueName(HOSTILE_DATABASE));
        server.execute(clashing, "CREATE TABLE customers (id INT PRIMARY KEY, other TEXT)");
        boolean mariaDb = MySqlFixtures.isMariaDb(server);

        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            List<DatabaseSchema> documents = Mono.zip(adapter.collect(database), adapter.collect(clashing))
                    .map(pair -> List.of(pair.getT1(), pair.getT2())).block();
            documents.forEach(ContractSchemas::assertValid);
            DatabaseSchema document = documents.get(0);

            assertThat(document.databaseInfo().name()).isEqualTo(database);
            assertThat(document.databaseInfo().collectionStatus()).isEqualTo(CollectionStatus.SUCCESS);
            assertThat(document.databaseInfo().accessLevel()).isEqualTo(AccessLevel.FULL);
            assertThat(document.databaseInfo().encoding()).isNotBlank();
            assertThat(document.databaseInfo().collation()).isNotBlank();
            assertThat(document.databaseInfo().sizeBytes()).isPositive();
            assertThat(document.databaseInfo().version()).isEqualTo(server.version());
            assertThat(document.databaseInfo().isSystemDatabase()).isFalse();
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            assertThat(document.collectionMetadata().warnings()).isEmpty();
            assertThat(document.customTypes()).isEmpty();

            assertThat(document.tables()).extracting(Table::name).containsExactlyInAnyOrder(
                    "MixedCase Table; DROP TABLE x --", "a_sixty_four_character_table_name_that_is_exactly_the_limit_xxxx",
                    "customers", "events_log", "order_lines", "orders");
            assertThat(document.tables()).allSatisfy(table -> assertThat(table.schema()).isEqualTo(database));

            customers(document, mariaDb);
            keys(document);
            hostileNames(document);
            views(document);
            routines(document);
            triggersAndEvents(document);
            assertThat(document.indexes()).hasSameElementsAs(document.tables().stream().flatMap(t -> t.indexes().stream()).toList());
            assertThat(document.constraints()).hasSameElementsAs(document.tables().stream().flatMap(t -> t.constraints().stream()).toList());

            DatabaseSchema other = documents.get(1);
            assertThat(other.databaseInfo().name()).isEqualTo(clashing);
            assertThat(other.tables()).singleElement().satisfies(customers -> {
                assertThat(customers.schema()).isEqualTo(clashing);
                assertThat(customers.columns()).extracting(Column::name).containsExactly("id", "other");
            });
            assertThat(other.views()).isEmpty();
            assertThat(other.functions()).isEmpty();
            assertThat(other.triggers()).isEmpty();
            assertThat(other.events()).isEmpty();
        } finally {
            adapter.close().block();
        }
    }

    private static void customers(DatabaseSchema document, boolean mariaDb) {
        Table customers = table(document, "customers");
        assertThat(customers.comment()).isEqualTo("People who buy");
        assertThat(customers.kind()).isEqualTo(TableKind.TABLE);
        assertThat(customers.rowCount()).isNotNull().isNotNegative();
        assertThat(customers.columns()).hasSize(29);
        assertThat(customers.columns()).extracting(Column::ordinalPosition)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 29).boxed().toList());
        assertThat(customers.primaryKey().name()).isEqualTo("PRIMARY");
        assertThat(customers.primaryKey().columns()).containsExactly("id");

        Column id = column(customers, "id");
        assertThat(id.dataType()).isEqualTo(new UnifiedDataType.IntegerType(64, false));
        assertThat(id.nativeType()).isIn("bigint(20) unsigned", "bigint unsigned");
        assertThat(id.isAutoIncrement()).isTrue();
        assertThat(id.isPrimaryKey()).isTrue();
        assertThat(id.isNullable()).isFalse();
        assertThat(id.comment()).isEqualTo("Surrogate key");
        assertThat(id.defaultValue()).isNull();

        Function<String, UnifiedDataType> type = name -> column(customers, name).dataType();
        assertThat(type.apply("email")).isEqualTo(new UnifiedDataType.StringType(320));
        assertThat(column(customers, "email").isNullable()).isFalse();
        assertThat(type.apply("name")).isEqualTo(new UnifiedDataType.StringType(65535));
        assertThat(type.apply("active")).isEqualTo(new UnifiedDataType.BooleanType());
        assertThat(column(customers, "active").defaultValue()).isEqualTo("1");
        assertThat(type.apply("flag")).isEqualTo(new UnifiedDataType.BooleanType());
        assertThat(column(customers, "flag").defaultValue()).isEqualTo("b'0'");
        assertThat(type.apply("flags")).isEqualTo(new UnifiedDataType.BinaryType(2));
        assertThat(type.apply("tiny")).isEqualTo(new UnifiedDataType.IntegerType(8, true));
        assertThat(type.apply("small")).isEqualTo(new UnifiedDataType.IntegerType(16, false));
        assertThat(type.apply("medium")).isEqualTo(new UnifiedDataType.IntegerType(32, true));
        assertThat(type.apply("medium_u")).isEqualTo(new UnifiedDataType.IntegerType(32, false));
        assertThat(column(customers, "medium_u").nativeType()).startsWith("mediumint").endsWith("unsigned");
        assertThat(type.apply("loyalty")).isEqualTo(new UnifiedDataType.IntegerType(32, true));
        assertThat(column(customers, "loyalty").defaultValue()).isEqualTo("0");
        assertThat(type.apply("balance")).isEqualTo(new UnifiedDataType.FloatType(12));
        assertThat(column(customers, "balance").defaultValue()).isEqualTo("0.00");
        assertThat(type.apply("ratio")).isEqualTo(new UnifiedDataType.FloatType(24));
        assertThat(type.apply("score")).isEqualTo(new UnifiedDataType.FloatType(53));
        assertThat(type.apply("born")).isEqualTo(new UnifiedDataType.DateType());
        assertThat(type.apply("wake_up")).isEqualTo(new UnifiedDataType.TimeType(false));
        assertThat(column(customers, "wake_up").nativeType()).isEqualTo("time(3)");
        assertThat(type.apply("seen")).isEqualTo(new UnifiedDataType.DateTimeType(false));
        assertThat(column(customers, "seen").nativeType()).isEqualTo("datetime(6)");
        assertThat(type.apply("created_at")).isEqualTo(new UnifiedDataType.DateTimeType(true));
        assertThat(column(customers, "created_at").defaultValue()).matches("(?i)current_timestamp(\\(\\))?");
        assertThat(type.apply("since")).isEqualTo(new UnifiedDataType.IntegerType(16, false));
        assertThat(type.apply("mood")).isEqualTo(new UnifiedDataType.CustomType("enum('ok','meh','bad')"));
        assertThat(column(customers, "mood").nativeType()).isEqualTo("enum('ok','meh','bad')");
        assertThat(column(customers, "mood").defaultValue()).isEqualTo("'ok'");
        assertThat(type.apply("perks")).isEqualTo(new UnifiedDataType.CustomType("set('a','b','c')"));
        assertThat(type.apply("profile")).isEqualTo(new UnifiedDataType.JsonType());
        assertThat(type.apply("photo")).isEqualTo(new UnifiedDataType.BinaryType(65535));
        assertThat(type.apply("thumb")).isEqualTo(new UnifiedDataType.BinaryType(64));
        assertThat(type.apply("code")).isEqualTo(new UnifiedDataType.StringType(3));
        assertThat(type.apply("loc")).isEqualTo(new UnifiedDataType.CustomType("point"));
        assertThat(column(customers, "nickname").defaultValue()).isIn("'it''s me'", "'it\\'s me'");
        assertThat(column(customers, "name_upper").defaultValue()).matches("GENERATED ALWAYS AS \\((?i:upper|ucase)\\(.*nickname.*\\)\\) VIRTUAL");
        assertThat(column(customers, "email_domain").defaultValue()).startsWith("GENERATED ALWAYS AS (").endsWith(") STORED");

        assertThat(customers.indexes()).extracting(Index::name).containsExactlyInAnyOrder(
                "PRIMARY", "customers_email_key", "name_prefix", "seen_desc");
        Index primary = index(customers, "PRIMARY");
        assertThat(primary.isPrimary()).isTrue();
        assertThat(primary.isUnique()).isTrue();
        assertThat(primary.indexType()).isEqualTo("BTREE");
        assertThat(index(customers, "customers_email_key").isUnique()).isTrue();
        assertThat(index(customers, "customers_email_key").isPrimary()).isFalse();
        assertThat(index(customers, "name_prefix").columns()).containsExactly(new IndexColumn("name", SortOrder.ASCENDING, null, 10));
        assertThat(index(customers, "name_prefix").isUnique()).isFalse();
        assertThat(index(customers, "seen_desc").columns()).containsExactly(
                new IndexColumn("seen", SortOrder.DESCENDING, null), new IndexColumn("loyalty", SortOrder.ASCENDING, null));

        assertThat(customers.constraints()).extracting(Constraint::name, Constraint::constraintType, Constraint::columns)
                .contains(
                        tuple("PRIMARY", ConstraintType.PRIMARY_KEY, List.of("id")),
                        tuple("customers_email_key", ConstraintType.UNIQUE, List.of("email")),
                        tuple("loyalty_non_negative", ConstraintType.CHECK, List.of()));
        assertThat(customers.constraints()).filteredOn(c -> c.name().equals("loyalty_non_negative"))
                .singleElement().extracting(Constraint::checkClause).asString().contains("loyalty").contains(">= 0");
    }

    private static Index index(Table table, String name) {
        return table.indexes().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No index " + name + " on " + table.name()));
    }

    private static void keys(DatabaseSchema document) {
        Table orders = table(document, "orders");
        assertThat(orders.primaryKey().columns()).containsExactly("region", "id");
        assertThat(column(orders, "region").isPrimaryKey()).isTrue();
        assertThat(column(orders, "total").isPrimaryKey()).isFalse();
        assertThat(orders.foreignKeys()).containsExactly(new ForeignKey("orders_customer_fk", List.of("customer_id"), "customers",
                document.databaseInfo().name(), List.of("id"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL));
        assertThat(table(document, "order_lines").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("lines_order_fk");
            assertThat(fk.columns()).containsExactly("region", "order_id");
            assertThat(fk.referencedTable()).isEqualTo("orders");
            assertThat(fk.referencedColumns()).containsExactly("region", "id");
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
            assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        });
        assertThat(table(document, "events_log").kind()).isEqualTo(TableKind.PARTITIONED_TABLE);
        assertThat(table(document, "events_log").primaryKey().columns()).containsExactly("id", "happened");
    }

    private static void hostileNames(DatabaseSchema document) {
        Table odd = table(document, "MixedCase Table; DROP TABLE x --");
        assertThat(odd.columns()).extracting(Column::name).containsExactly("we`ird \"col\" ü", "日本語");
        assertThat(odd.primaryKey().columns()).containsExactly("we`ird \"col\" ü");
        assertThat(column(odd, "日本語").dataType()).isEqualTo(new UnifiedDataType.StringType(10));
        Table longest = table(document, "a_sixty_four_character_table_name_that_is_exactly_the_limit_xxxx");
        assertThat(longest.columns()).extracting(Column::name)
                .containsExactly("a_sixty_four_character_column_name_that_is_exactly_the_limit_xxx");
        assertThat(longest.primaryKey()).isNull();
    }

    private static void views(DatabaseSchema document) {
        assertThat(document.views()).singleElement().satisfies(view -> {
            assertThat(view.name()).isEqualTo("big_spenders");
            assertThat(view.schema()).isEqualTo(document.databaseInfo().name());
            assertThat(view.isMaterialized()).isFalse();
            assertThat(view.definition()).containsIgnoringCase("sum(").contains("customers").contains("orders");
            assertThat(view.columns()).extracting(Column::name).containsExactly("id", "email", "spent");
            assertThat(view.columns().get(1).dataType()).isEqualTo(new UnifiedDataType.StringType(320));
        });
    }

    private static void routines(DatabaseSchema document) {
        assertThat(document.procedures()).singleElement().satisfies(procedure -> {
            assertThat(procedure.name()).isEqualTo("add_points");
            assertThat(procedure.comment()).isEqualTo("Adds points");
            assertThat(procedure.language()).isEqualTo("SQL");
            assertThat(procedure.definition()).contains("UPDATE customers SET loyalty");
            assertThat(procedure.returnType()).isNull();
            assertThat(procedure.parameters()).extracting(Parameter::name, Parameter::direction, Parameter::dataType).containsExactly(
                    tuple("who", ParameterDirection.IN, new UnifiedDataType.IntegerType(64, false)),
                    tuple("points", ParameterDirection.IN_OUT, new UnifiedDataType.IntegerType(32, true)),
                    tuple("total", ParameterDirection.OUT, new UnifiedDataType.FloatType(10)));
            assertThat(procedure.parameters().get(2).nativeType()).isEqualTo("decimal(10,2)");
        });
        assertThat(document.functions()).singleElement().satisfies(function -> {
            assertThat(function.name()).isEqualTo("full_label");
            assertThat(function.returnType()).isEqualTo(new UnifiedDataType.StringType(400));
            assertThat(function.returnNativeType()).isEqualTo("varchar(400)");
            assertThat(function.definition()).contains("CONCAT(name, sep, email)");
            assertThat(function.parameters()).extracting(Parameter::name, Parameter::direction, Parameter::dataType).containsExactly(
                    tuple("who", ParameterDirection.IN, new UnifiedDataType.IntegerType(64, false)),
                    tuple("sep", ParameterDirection.IN, new UnifiedDataType.StringType(5)));
        });
        assertThat(document.functions()).extracting(Routine::schema).containsOnly(document.databaseInfo().name());
    }

    private static void triggersAndEvents(DatabaseSchema document) {
        assertThat(document.triggers()).extracting(Trigger::name, Trigger::tableName, Trigger::timing, Trigger::event, Trigger::events)
                .containsExactlyInAnyOrder(
                        tuple("orders_touch", "orders", TriggerTiming.BEFORE, TriggerEvent.UPDATE, List.of(TriggerEvent.UPDATE)),
                        tuple("orders_audit", "orders", TriggerTiming.AFTER, TriggerEvent.INSERT, List.of(TriggerEvent.INSERT)));
        assertThat(document.triggers()).filteredOn(t -> t.name().equals("orders_audit")).singleElement()
                .extracting(Trigger::definition).asString().contains("@last_order");
        assertThat(document.events()).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("purge_orders");
            assertThat(event.schema()).isEqualTo(document.databaseInfo().name());
            assertThat(event.schedule()).isEqualTo("EVERY 1 DAY STARTS 2026-01-01 00:00:00");
            assertThat(event.status()).isEqualTo("DISABLED");
            assertThat(event.comment()).isEqualTo("nightly purge");
            assertThat(event.definition()).contains("DELETE FROM orders");
        });
    }

    @Test
    void anEmptyDatabaseGivesAnEmptyValidDocument(@MySql TestServer server) {
        String database = server.createDatabase();
        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);
            assertThat(document.tables()).isEmpty();
            assertThat(document.views()).isEmpty();
            assertThat(document.events()).isEmpty();
            assertThat(document.databaseInfo().sizeBytes()).isZero();
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void enumerationListsEveryDatabaseAndMarksTheSystemOnes(@MySql TestServer server) {
        String hostile = server.createDatabase(TestServer.uniqueName(HOSTILE_DATABASE));
        server.execute(hostile, "CREATE TABLE t (id INT PRIMARY KEY, label VARCHAR(200))");
        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            List<EnumeratedDatabase> databases = adapter.enumerate().collectList().block();
            assertThat(databases).filteredOn(database -> database.name().equals(hostile)).singleElement().satisfies(database -> {
                assertThat(database.isSystemDatabase()).isFalse();
                assertThat(database.isAccessible()).isTrue();
                assertThat(database.sizeBytes()).isPositive();
                assertThat(database.encoding()).isNotBlank();
            });
            assertThat(databases).filteredOn(EnumeratedDatabase::isSystemDatabase).extracting(EnumeratedDatabase::name)
                    .contains("mysql", "information_schema", "performance_schema");

            ServerInfo info = adapter.serverInfo().block();
            assertThat(info.serverType()).isEqualTo(MySqlFixtures.isMariaDb(server) ? ServerType.MARIADB : ServerType.MYSQL);
            assertThat(info.version()).isEqualTo(server.version());
            assertThat(info.versionNumber()).isGreaterThan(50_700);
            assertThat(info.totalDatabases()).isEqualTo(databases.size());
            assertThat(info.connectionUser()).startsWith(server.endpoint().user() + "@");
            assertThat(info.port()).isEqualTo(server.endpoint().port());
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aRoleWithoutPrivilegesOnSomeObjectsGetsWhatItMaySeeAndTheRestAsFailures(@MySql TestServer server) {
        String database = server.createDatabase();
        MySqlFixtures.load(server, database, "every-object-kind.sql");
        String password = "pw-" + TestServer.uniqueName("");
        String role = server.createRole(password);
        String quoted = "`" + database + "`";
        server.execute(null,
                "GRANT SELECT ON " + quoted + ".customers TO '" + role + "'@'%'",
                "GRANT SELECT ON " + quoted + ".big_spenders TO '" + role + "'@'%'",
                "GRANT EXECUTE ON FUNCTION " + quoted + ".full_label TO '" + role + "'@'%'");
        var endpoint = new dev.dbsurveyor.testing.ServerEndpoint(server.endpoint().engine(), server.endpoint().host(),
                server.endpoint().port(), role, password, "limited role");
        MySqlAdapter adapter = MySqlFixtures.adapter(endpoint);
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);
            assertThat(document.tables()).extracting(Table::name).containsExactly("customers");
            assertThat(document.views()).extracting(View::name, View::definition).containsExactly(tuple("big_spenders", null));
            assertThat(document.functions()).extracting(Routine::name).containsExactly("full_label");
            assertThat(document.databaseInfo().accessLevel()).isEqualTo(AccessLevel.LIMITED);
            assertThat(document.collectionMetadata().objectFailures())
                    .extracting(f -> f.objectType().name(), f -> f.objectName(), f -> f.errorCategory().name())
                    .contains(tuple("VIEW", "big_spenders", "PERMISSION"), tuple("FUNCTION", "full_label", "PERMISSION"));
            assertThat(document.toString()).doesNotContain(password);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aDatabaseThatDoesNotExistFailsAsNotFound(@MySql TestServer server) {
        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            StepVerifier.create(adapter.collect(TestServer.uniqueName("missing_")))
                    .expectErrorSatisfies(error -> assertThat(ErrorClassifier.classify(error).category()).isEqualTo(ErrorCategory.NOT_FOUND))
                    .verify(Duration.ofSeconds(30));
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void eventsAreListedWithTheirSchedule(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, "CREATE TABLE t (id INT)",
                "CREATE EVENT once_only ON SCHEDULE AT '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO DELETE FROM t");
        MySqlAdapter adapter = MySqlFixtures.adapter(server.endpoint());
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);
            assertThat(document.events()).extracting(ScheduledEvent::name, ScheduledEvent::schedule)
                    .containsExactly(tuple("once_only", "AT 2030-01-01 00:00:00"));
        } finally {
            adapter.close().block();
        }
    }
}
