package dev.dbsurveyor.adapter.sqlite;

import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.Column;
import dev.dbsurveyor.model.Constraint;
import dev.dbsurveyor.model.ConstraintType;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ForeignKey;
import dev.dbsurveyor.model.Index;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.model.ReferentialAction;
import dev.dbsurveyor.model.SortOrder;
import dev.dbsurveyor.model.Table;
import dev.dbsurveyor.model.TableKind;
import dev.dbsurveyor.model.TableSample;
import dev.dbsurveyor.model.TriggerEvent;
import dev.dbsurveyor.model.TriggerTiming;
import dev.dbsurveyor.model.UnifiedDataType;
import dev.dbsurveyor.server.SqliteLocation;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepEvent;
import dev.dbsurveyor.testing.BoundedPoll;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.Engine;
import dev.dbsurveyor.testing.ExternalTools;
import dev.dbsurveyor.testing.HostileNames;
import dev.dbsurveyor.testing.SqliteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SQLite adapter on real files made by SQLite itself, with BlockHound watching every non-blocking thread. */
class SqliteAdapterIT {

    private static final ConnectionConfig CONNECTIONS = ConnectionConfig.defaults().toBuilder().maxConnections(4).build();

    @TempDir
    Path directory;

    private static SqliteAdapter adapter(Path path, boolean isDirectory) {
        return SqliteAdapter.create(new SqliteLocation(path, isDirectory, false, false), CONNECTIONS);
    }

    private static DatabaseSchema collect(Path file) {
        SqliteAdapter adapter = adapter(file, false);
        try {
            DatabaseSchema schema = adapter.collect(file.getFileName().toString()).subscribeOn(Schedulers.parallel()).block(Duration.ofSeconds(60));
            ContractSchemas.assertValid(schema);
            return schema;
        } finally {
            adapter.close().block();
        }
    }

    private static Table table(DatabaseSchema schema, String name) {
        return schema.tables().stream().filter(table -> table.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Column column(Table table, String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow();
    }

    private static Constraint constraint(Table table, String name) {
        return table.constraints().stream().filter(constraint -> constraint.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no constraint " + name + " in " + table.constraints()));
    }

    @Test
    void everyObjectKindIsCollected() {
        DatabaseSchema schema = collect(SqliteFixture.create(directory.resolve("app.db"), SqliteFixture.EVERY_KIND));

        Table users = table(schema, "users");
        assertThat(column(users, "id").isAutoIncrement()).isTrue();
        assertThat(column(users, "id").isNullable()).isFalse();
        assertThat(column(users, "name").nativeType()).isEqualTo("VARCHAR(40)");
        assertThat(column(users, "name").dataType()).isEqualTo(new UnifiedDataType.StringType(null));
        assertThat(column(users, "name").defaultValue()).isEqualTo("'anon'");
        assertThat(column(users, "active").dataType()).isEqualTo(new UnifiedDataType.BooleanType());
        assertThat(column(users, "email").isNullable()).isFalse();
        assertThat(users.primaryKey().columns()).containsExactly("id");
        assertThat(users.rowCount()).isEqualTo(3L);
        assertThat(constraint(users, "email_once").constraintType()).isEqualTo(ConstraintType.UNIQUE);
        assertThat(constraint(users, "email_shape").checkClause()).isEqualTo("email LIKE '%@%'");
        Index lower = users.indexes().stream().filter(index -> index.name().equals("users_email_lower")).findFirst().orElseThrow();
        assertThat(lower.isUnique()).isTrue();
        assertThat(lower.columns().get(0).expression()).isEqualTo("lower(email)");

        Table orders = table(schema, "orders");
        assertThat(column(orders, "doubled").defaultValue()).isEqualTo("GENERATED ALWAYS AS (total * 2) STORED");
        assertThat(column(orders, "next_qty").defaultValue()).isEqualTo("GENERATED ALWAYS AS (qty + 1) VIRTUAL");
        assertThat(column(orders, "id").isAutoIncrement()).as("a rowid alias without AUTOINCREMENT").isTrue();
        assertThat(column(orders, "price").dataType()).isEqualTo(new UnifiedDataType.FloatType(10));
        assertThat(orders.foreignKeys()).extracting(ForeignKey::name, ForeignKey::columns, ForeignKey::referencedColumns, ForeignKey::onDelete,
                        ForeignKey::onUpdate)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("orders_fkey_1", List.of("user_id"), List.of("id"), ReferentialAction.CASCADE,
                                ReferentialAction.NO_ACTION),
                        org.assertj.core.groups.Tuple.tuple("buyer", List.of("qty"), List.of("id"), ReferentialAction.RESTRICT,
                                ReferentialAction.SET_NULL));
        assertThat(constraint(orders, "orders_check_1").checkClause()).isEqualTo("total >= 0");
        assertThat(constraint(orders, "orders_check_1").columns()).containsExactly("total");
        Index recent = orders.indexes().stream().filter(index -> index.name().equals("orders_recent")).findFirst().orElseThrow();
        assertThat(recent.predicate()).isEqualTo("total > 0");
        assertThat(recent.columns().get(0).sortOrder()).isEqualTo(SortOrder.DESCENDING);
        assertThat(recent.columns().get(1).expression()).isEqualTo("lower(user_id)");

        Table settings = table(schema, "settings");
        assertThat(settings.options()).containsExactly("WITHOUT ROWID");
        assertThat(column(settings, "key").isNullable()).as("a WITHOUT ROWID key is NOT NULL").isFalse();
        assertThat(column(settings, "key").isAutoIncrement()).isFalse();
        assertThat(settings.indexes()).anyMatch(Index::isPrimary);
        assertThat(settings.constraints()).extracting(Constraint::constraintType).contains(ConstraintType.UNIQUE, ConstraintType.PRIMARY_KEY);

        Table measurements = table(schema, "measurements");
        assertThat(measurements.options()).containsExactly("STRICT");
        assertThat(column(measurements, "anything").dataType()).isEqualTo(new UnifiedDataType.CustomType("ANY"));
        assertThat(measurements.primaryKey()).isNull();

        Table codes = table(schema, "codes");
        assertThat(column(codes, "code").isAutoIncrement()).as("a TEXT key is no rowid alias").isFalse();
        assertThat(codes.indexes()).singleElement().satisfies(index -> assertThat(index.isPrimary()).isTrue());

        Table documents = table(schema, "documents");
        assertThat(documents.kind()).isEqualTo(TableKind.VIRTUAL_TABLE);
        assertThat(documents.module()).isEqualTo("fts5");
        assertThat(documents.columns()).extracting(Column::name).containsExactly("title", "body");
        assertThat(table(schema, "boxes").module()).isEqualTo("rtree");
        assertThat(table(schema, "documents_data").kind()).isEqualTo(TableKind.TABLE);

        assertThat(schema.views()).singleElement().satisfies(view -> {
            assertThat(view.name()).isEqualTo("big_orders");
            assertThat(view.definition()).startsWith("SELECT o.id, u.email FROM orders");
            assertThat(view.columns()).extracting(Column::name).containsExactly("id", "email");
        });
        assertThat(schema.triggers()).extracting(trigger -> trigger.name() + " " + trigger.timing() + " " + trigger.event() + " " + trigger.tableName())
                .containsExactlyInAnyOrder("users_touched " + TriggerTiming.AFTER + " " + TriggerEvent.UPDATE + " users",
                        "big_orders_insert " + TriggerTiming.INSTEAD_OF + " " + TriggerEvent.INSERT + " big_orders");
        assertThat(schema.tables()).noneMatch(table -> table.name().startsWith("sqlite_"));
        assertThat(schema.indexes()).hasSize(schema.tables().stream().mapToInt(table -> table.indexes().size()).sum());
        assertThat(schema.databaseInfo().encoding()).isEqualTo("UTF-8");
        assertThat(schema.databaseInfo().version()).matches("3\\.\\d+\\.\\d+");
        assertThat(schema.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void hostileNamesAreReadBackExactlyAndSampled() {
        List<String> tables = HostileNames.of(Engine.POSTGRES, "t");
        List<String> columns = HostileNames.of(Engine.POSTGRES, "c");
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            String table = SqliteNames.quote(tables.get(i));
            String column = SqliteNames.quote(columns.get(i));
            statements.add("CREATE TABLE " + table + "(" + column + " INTEGER PRIMARY KEY, " + SqliteNames.quote(columns.get((i + 1) % columns.size()))
                    + " TEXT CHECK (length(" + column + ") < 100))");
            statements.add("CREATE INDEX " + SqliteNames.quote("i" + tables.get(i)) + " ON " + table + "(" + column + " DESC)");
            statements.add("INSERT INTO " + table + " VALUES (" + (i + 1) + ", 'row of " + i + "')");
        }
        Path file = SqliteFixture.create(directory.resolve("hostile ; -- \"name\".db"), statements);
        SqliteAdapter adapter = adapter(file, false);
        try {
            Sweep sweep = Sweep.of(adapter, MultiDatabaseConfig.builder().sampling(SamplingConfig.builder().rowsPerTable(5).queriesPerSecond(1000).build())
                    .build());
            DatabaseSchema schema = sweep.collectOne(file.getFileName().toString()).block(Duration.ofSeconds(60));
            ContractSchemas.assertValid(schema);
            assertThat(schema.tables()).extracting(Table::name).containsExactlyInAnyOrderElementsOf(tables);
            for (int i = 0; i < tables.size(); i++) {
                int index = i;
                Table table = table(schema, tables.get(i));
                assertThat(table.columns()).extracting(Column::name).containsExactly(columns.get(i), columns.get((i + 1) % columns.size()));
                assertThat(table.constraints()).filteredOn(constraint -> constraint.constraintType() == ConstraintType.CHECK).singleElement()
                        .satisfies(check -> assertThat(check.checkClause()).isEqualTo("length(" + SqliteNames.quote(columns.get(index)) + ") < 100"));
                assertThat(table.indexes()).extracting(Index::name).containsExactly("i" + tables.get(i));
            }
            assertThat(schema.samples()).hasSize(tables.size()).allSatisfy(sample -> assertThat(sample.rows()).hasSize(1));
            TableSample first = schema.samples().stream().filter(sample -> sample.tableName().equals(tables.get(0))).findFirst().orElseThrow();
            assertThat(first.rows().get(0).get(columns.get(1)).asText()).isEqualTo("row of 0");
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aDirectorySweepFailsTheCorruptFileAloneAndChangesNothingThere() throws Exception {
        SqliteFixture.create(directory.resolve("one.db"), SqliteFixture.EVERY_KIND);
        SqliteFixture.withTables(directory.resolve("nested/two.sqlite3"), 3);
        ExternalTools.require("a file made by SQLite's own command", "sqlite3", "-version");
        Files.createDirectories(directory.resolve("nested/deeper"));
        SqliteFixture.sqlite3(directory.resolve("nested/deeper/by-the-command"),
                "CREATE TABLE made(id INTEGER PRIMARY KEY, what TEXT UNIQUE); CREATE VIEW made_view AS SELECT what FROM made;");
        Path wal = SqliteFixture.create(directory.resolve("wal-mode"), List.of("PRAGMA journal_mode = WAL", "CREATE TABLE w(x)"));
        assertThat(Files.exists(wal.resolveSibling("wal-mode-wal"))).as("SQLite removes the WAL when its last connection closes").isFalse();
        byte[] good = Files.readAllBytes(directory.resolve("one.db"));
        byte[] corrupt = java.util.Arrays.copyOf(good, 100 + 4096);
        for (int i = 100; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Files.write(directory.resolve("corrupt.db"), corrupt);
        Files.writeString(directory.resolve("notes.db"), "not a database, whatever its name says");
        Files.write(directory.resolve("empty.db"), new byte[0]);
        Map<String, String> before = SqliteFixture.contents(directory);

        SqliteAdapter adapter = SqliteAdapter.create(new SqliteLocation(directory, true, true, false), CONNECTIONS);
        List<DatabaseOutcome> outcomes;
        List<SweepEvent> events = new CopyOnWriteArrayList<>();
        try {
            outcomes = Sweep.of(adapter, MultiDatabaseConfig.builder().maxConcurrency(8).build()).withListener(events::add).outcomes()
                    .subscribeOn(Schedulers.parallel()).collectList().block(Duration.ofSeconds(60));
        } finally {
            adapter.close().block();
        }
        Map<String, DatabaseOutcome> byName = outcomes.stream().collect(Collectors.toMap(DatabaseOutcome::database, outcome -> outcome));
        assertThat(byName).containsOnlyKeys("one.db", "nested/two.sqlite3", "nested/deeper/by-the-command", "wal-mode", "corrupt.db");
        assertThat(byName.get("corrupt.db")).isInstanceOfSatisfying(DatabaseOutcome.Failed.class, failed -> {
            assertThat(failed.failure().errorCategory()).isEqualTo(ErrorCategory.INVALID_DATA);
            assertThat(failed.failure().retryAttempts()).isZero();
            assertThat(failed.failure().errorMessage()).contains("SQLITE_");
        });
        for (String name : List.of("one.db", "nested/two.sqlite3", "nested/deeper/by-the-command", "wal-mode")) {
            assertThat(byName.get(name)).isInstanceOfSatisfying(DatabaseOutcome.Collected.class,
                    collected -> ContractSchemas.assertValid(collected.schema()));
        }
        assertThat(events).noneMatch(event -> event instanceof SweepEvent.Retrying);
        assertThat(SqliteFixture.contents(directory)).as("the listing and every file's checksum").isEqualTo(before);
    }

    @Test
    void aFileAWriterHoldsIsRetriedUntilTheWriterLetsGo() throws Exception {
        Path file = SqliteFixture.withTables(directory.resolve("busy.db"), 2);
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
        SqliteAdapter adapter = adapter(file, false);
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = writer.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("INSERT INTO t0(name) VALUES ('held')");
            releaser.schedule(() -> {
                statement.execute("COMMIT");
                return null;
            }, 1200, TimeUnit.MILLISECONDS);
            List<SweepEvent> events = new CopyOnWriteArrayList<>();
            DatabaseOutcome outcome = Sweep.of(adapter, MultiDatabaseConfig.defaults()).withListener(events::add).outcomes()
                    .single().block(Duration.ofSeconds(60));
            assertThat(outcome).isInstanceOf(DatabaseOutcome.Collected.class);
            assertThat(events).as(events.toString()).filteredOn(event -> event instanceof SweepEvent.Retrying).isNotEmpty()
                    .allSatisfy(event -> assertThat(((SweepEvent.Retrying) event).error()).contains("SQLITE_BUSY"));
            assertThat(((DatabaseOutcome.Collected) outcome).schema().tables()).hasSize(2);
        } finally {
            releaser.shutdownNow();
            adapter.close().block();
        }
    }

    @Test
    void aStatementPastItsLimitIsInterruptedAndClassifiedAsATimeout() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement statement = connection.createStatement();
             StatementDeadline deadline = StatementDeadline.of(statement, Duration.ofMillis(200))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> statement.executeQuery("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"))
                    .satisfies(error -> assertThat(dev.dbsurveyor.retry.ErrorClassifier.classify(error))
                            .isEqualTo(new dev.dbsurveyor.retry.ErrorClassification(ErrorCategory.TIMEOUT, true, false)));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPathThatIsNotThereFailsAndIsNeverMade() {
        Path missing = directory.resolve("missing.db");
        SqliteAdapter adapter = adapter(missing, false);
        try {
            assertThatThrownBy(() -> adapter.collect("missing.db").block()).hasMessageContaining("no such file");
            assertThatThrownBy(() -> adapter.enumerate().collectList().block()).hasMessageContaining("no such file");
        } finally {
            adapter.close().block();
        }
        SqliteAdapter ofDirectory = adapter(directory.resolve("no-such-dir"), true);
        try {
            assertThatThrownBy(() -> ofDirectory.serverInfo().block()).hasMessageContaining("no such directory");
        } finally {
            ofDirectory.close().block();
        }
        assertThat(missing).doesNotExist();
        assertThat(directory.resolve("no-such-dir")).doesNotExist();
    }

    @Test
    void namesThatLeaveTheDirectoryAreNoDatabases() {
        SqliteFixture.withTables(directory.resolve("inside/a.db"), 1);
        SqliteFixture.withTables(directory.resolve("outside.db"), 1);
        SqliteAdapter adapter = adapter(directory.resolve("inside"), true);
        try {
            for (String name : List.of("../outside.db", "/etc/passwd", "./a.db", "a.db/..", "")) {
                assertThatThrownBy(() -> adapter.collect(name).block()).as(name).hasMessageContaining("not a file of");
            }
            assertThat(adapter.collect("a.db").block().tables()).hasSize(1);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aVirtualTableWhoseModuleIsMissingFailsAloneAndTheRestIsKept() throws Exception {
        Path file = SqliteFixture.create(directory.resolve("extension.db"), List.of("CREATE TABLE kept(id INTEGER PRIMARY KEY)",
                "PRAGMA writable_schema = ON",
                "INSERT INTO sqlite_schema(type, name, tbl_name, rootpage, sql) VALUES ('table', 'spatial', 'spatial', 0, "
                        + "'CREATE VIRTUAL TABLE spatial USING no_such_module(geometry)')",
                "PRAGMA writable_schema = OFF"));
        DatabaseSchema schema = collect(file);
        assertThat(schema.tables()).extracting(Table::name).containsExactly("kept");
        assertThat(schema.collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
            assertThat(failure.objectName()).isEqualTo("spatial");
            assertThat(failure.objectType()).isEqualTo(ObjectType.TABLE);
            assertThat(failure.errorMessage()).contains("no_such_module");
        });
        assertThat(schema.databaseInfo().accessLevel()).isEqualTo(dev.dbsurveyor.model.AccessLevel.LIMITED);
    }

    @Test
    void aWalFileWithoutItsWalIsReadWithoutMakingOne() throws Exception {
        Path file = SqliteFixture.create(directory.resolve("wal.db"), List.of("PRAGMA journal_mode = WAL", "CREATE TABLE w(x INTEGER PRIMARY KEY)"));
        Map<String, String> before = SqliteFixture.contents(directory);
        assertThat(collect(file).tables()).extracting(Table::name).containsExactly("w");
        SqliteAdapter immutable = SqliteAdapter.create(new SqliteLocation(file, false, false, true), CONNECTIONS);
        try {
            assertThat(immutable.collect("wal.db").block().tables()).hasSize(1);
        } finally {
            immutable.close().block();
        }
        assertThat(SqliteFixture.contents(directory)).isEqualTo(before);
    }

    @Test
    void manyFilesAreSweptOnNoMoreThreadsAndOpenFilesThanConnections() {
        for (int i = 0; i < 300; i++) {
            SqliteFixture.withTables(directory.resolve(String.format("f%03d.db", i)), 3);
        }
        ConnectionConfig three = ConnectionConfig.defaults().toBuilder().maxConnections(3).build();
        SqliteAdapter adapter = SqliteAdapter.create(new SqliteLocation(directory, true, false, false), three);
        AtomicInteger mostOpen = new AtomicInteger();
        try {
            List<DatabaseOutcome> outcomes = Sweep.of(adapter, MultiDatabaseConfig.builder().maxConcurrency(16).build())
                    .withListener(event -> mostOpen.accumulateAndGet(adapter.poolStats().open(), Math::max))
                    .outcomes().collectList().block(Duration.ofMinutes(2));
            assertThat(outcomes).hasSize(300).allMatch(outcome -> outcome instanceof DatabaseOutcome.Collected);
            assertThat(threadsNamed(adapter.threadNamePrefix())).as("threads of the adapter's scheduler").isBetween(1L, 3L);
            assertThat(mostOpen.get()).isBetween(1, 3);
        } finally {
            adapter.close().block();
        }
        assertThat(adapter.poolStats().open()).isZero();
        assertThat(BoundedPoll.until(() -> threadsNamed(adapter.threadNamePrefix()) == 0, Duration.ofSeconds(10))).as("threads end after close")
                .isTrue();
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(thread -> thread.getName().startsWith(prefix))
                .filter(thread -> !thread.getName().contains("evictor")).count();
    }

    @Test
    void sqliteCallsOnANonBlockingThreadAreCaughtSoTheAdaptersOwnAreProvenElsewhere() {
        Path file = SqliteFixture.withTables(directory.resolve("guard.db"), 1);
        assertThatThrownBy(() -> Mono.fromCallable(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                return connection.isValid(1);
            }
        }).subscribeOn(Schedulers.parallel()).block())
                .hasCauseInstanceOf(BlockingOperationError.class);
        assertThat(collect(file).tables()).hasSize(1);
    }
}
