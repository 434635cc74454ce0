package dev.dbsurveyor.adapter.mysql;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.EnumeratedDatabase;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.retry.ConnectionTimeoutException;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.RetryPolicy;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.FaultProxy;
import dev.dbsurveyor.testing.MySql;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.ServerEndpoint;
import dev.dbsurveyor.testing.StatementRewriting;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.proxy.ProxyConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the MySQL collector costs in statements, and what it does when stages fail, time out or are cancelled. */
class MySqlFailuresIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static String tables(int count) {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id INT PRIMARY KEY, parent INT, label VARCHAR(40), KEY (label)")
                    .append(i > 1 ? ", FOREIGN KEY (parent) REFERENCES t" + (i - 1) + " (id)" : "").append(");\n");
        }
        return sql.toString();
    }

    /** [executions, SQL statements sent] while collecting {@code databases} together. */
    private static List<Integer> statementsToCollect(TestServer server, List<String> databases) {
        AtomicInteger executions = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                factory -> ProxyConnectionFactory.builder(factory)
                        .onBeforeQuery(execution -> {
                            executions.incrementAndGet();
                            execution.getQueries().forEach(query -> statements.addAndGet(query.getQuery().split(";\n").length));
                        })
                        .build());
        try {
            List<DatabaseSchema> documents = Flux.fromIterable(databases).flatMap(adapter::collect, databases.size()).collectList().block();
            documents.forEach(ContractSchemas::assertValid);
            assertThat(documents).allSatisfy(document -> assertThat(document.collectionMetadata().objectFailures()).isEmpty());
            return List.of(executions.get(), statements.get());
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void statementsGrowWithBatchesNeverWithTables(@MySql TestServer server) {
        String few = server.createDatabase();
        server.execute(few, tables(5));
        String many = server.createDatabase();
        server.execute(many, tables(200));
        String third = server.createDatabase();
        server.execute(third, tables(20));

        List<Integer> forFew = statementsToCollect(server, List.of(few));
        List<Integer> forMany = statementsToCollect(server, List.of(many));
        // Requests join a batch within a 2 ms window: on a loaded machine the three subscriptions can
        // straddle it, so a few tries are allowed; without batching every try sends three times as much.
        List<List<Integer>> forThreeTogether = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && !forThreeTogether.contains(forFew); attempt++) {
            forThreeTogether.add(statementsToCollect(server, List.of(few, many, third)));
        }

        assertThat(forFew.get(0)).as("one round trip").isEqualTo(1);
        assertThat(forMany).isEqualTo(forFew);
        assertThat(forThreeTogether).as("three databases asked for at once share one batch").contains(forFew);
    }

    /** A FROM clause that reads {@code view} at {@code seconds} per row, so that the statement runs into its time limit. */
    private static String slowly(String view, int seconds) {
        return "FROM (SELECT * FROM information_schema." + view + " WHERE SLEEP(" + seconds + ") = 0) AS slow";
    }

    /** Quick retries (50 ms apart), so the test takes no longer than it must. */
    private static DatabaseRetries quickRetries(List<DatabaseRetries.Attempt> attempts) {
        RetryPolicy quick = new RetryPolicy() {
            @Override
            public boolean shouldRetry(ErrorClassification error, int retry) {
                return error.transientError() && retry <= 3;
            }

            @Override
            public Duration backoff(int retry) {
                return Duration.ofMillis(50);
            }

            @Override
            public Duration totalBackoffLimit() {
                return Duration.ofSeconds(5);
            }
        };
        return new DatabaseRetries(quick, attempts::add);
    }

    @Test
    void aStageThatKeepsTimingOutIsRetriedThenRecordedWhileTheOtherStagesAreKept(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(3));
        AtomicInteger rewrites = new AtomicInteger();
        // Every read of STATISTICS sleeps past the statement time limit.
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()),
                ConnectionConfig.builder().statementTimeout(Duration.ofMillis(300)).build(),
                StatementRewriting.rewriting(sql -> sql.replace("FROM information_schema.STATISTICS",
                        slowly("STATISTICS", 1)), rewrites));
        List<DatabaseRetries.Attempt> attempts = new CopyOnWriteArrayList<>();
        try {
            DatabaseSchema document = adapter.collect(database, quickRetries(attempts)).block();
            ContractSchemas.assertValid(document);

            assertThat(rewrites.get()).as("first read and three stage retries").isEqualTo(4);
            assertThat(attempts).extracting(DatabaseRetries.Attempt::retry).containsExactly(1, 2, 3);
            assertThat(document.collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
                assertThat(failure.objectType()).isEqualTo(ObjectType.INDEX);
                assertThat(failure.stage()).isEqualTo(CollectionStage.COLLECT_INDEXES);
                assertThat(failure.objectName()).isEqualTo(StageResults.WHOLE_STAGE);
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.TIMEOUT);
                assertThat(failure.retryAttempts()).isEqualTo(3);
                assertThat(failure.finalBackoffMs()).isEqualTo(50L);
            });
            assertThat(document.tables()).hasSize(3).allSatisfy(table -> {
                assertThat(table.primaryKey()).isNotNull();
                assertThat(table.indexes()).isEmpty();
            });
            assertThat(document.tables().stream().flatMap(t -> t.foreignKeys().stream())).hasSize(2);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aConnectionThatGoesSilentIsGivenUpAfterTheReplyDeadlineAndTheDatabaseReadAgain(@MySql TestServer server) throws Exception {
        String database = server.createDatabase();
        server.execute(database, tables(3));
        try (FaultProxy proxy = new FaultProxy(server.endpoint().host(), server.endpoint().port())) {
            ServerEndpoint throughProxy = new ServerEndpoint(server.engine(), "127.0.0.1", proxy.port(), server.endpoint().user(),
                    server.endpoint().password(), "through a fault proxy");
            MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(throughProxy),
                    ConnectionConfig.builder().statementTimeout(Duration.ofSeconds(1)).build());
            List<DatabaseRetries.Attempt> attempts = new CopyOnWriteArrayList<>();
            try {
                assertThat(adapter.enumerate().map(EnumeratedDatabase::name).collectList().block()).contains(database);
                proxy.stallOpenConnections();
                long started = System.nanoTime();

                DatabaseSchema document = adapter.collect(database, quickRetries(attempts)).block(Duration.ofSeconds(60));

                ContractSchemas.assertValid(document);
                assertThat(document.tables()).hasSize(3);
                assertThat(document.collectionMetadata().objectFailures()).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited out the reply deadline: 1 s statement timeout + 5 s")
                        .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
                assertThat(attempts).isNotEmpty().allSatisfy(attempt ->
                        assertThat(attempt.error()).isInstanceOf(ConnectionTimeoutException.class).hasMessageContaining("sent nothing for 6000 ms"));
            } finally {
                adapter.close().block(Duration.ofSeconds(10));
            }
            // The MySQL driver's close of a silent connection waits on the server, so its socket stays
            // open (a known gap, docs/SWEEP.md); its budget permit comes back after the close timeout.
            assertThat(proxy.stalledConnections()).isPositive();
        }
    }

    @Test
    void aStageThatFailsOnceIsReadAgainInANewExchangeAndLeavesNoTrace(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(3),
                "CREATE TRIGGER t1_touch BEFORE INSERT ON t1 FOR EACH ROW SET NEW.label = COALESCE(NEW.label, 'x')");
        AtomicInteger rewrites = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()),
                ConnectionConfig.builder().statementTimeout(Duration.ofMillis(300)).build(),
                StatementRewriting.rewriting(sql -> sql.contains("information_schema.TRIGGERS") && seen.getAndIncrement() == 0
                        ? sql.replace("FROM information_schema.TRIGGERS", slowly("TRIGGERS", 1))
                        : sql, rewrites));
        List<DatabaseRetries.Attempt> attempts = new CopyOnWriteArrayList<>();
        try {
            DatabaseSchema document = adapter.collect(database, quickRetries(attempts)).block();
            ContractSchemas.assertValid(document);

            assertThat(rewrites.get()).isEqualTo(1);
            assertThat(attempts).hasSize(1);
            assertThat(document.collectionMetadata().objectFailures()).isEmpty();
            assertThat(document.triggers()).extracting(t -> t.name()).containsExactly("t1_touch");
            assertThat(document.tables()).hasSize(3).allSatisfy(table -> assertThat(table.indexes()).isNotEmpty());
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aStageTheServerRejectsFailsAloneWithoutRetries(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(2));
        AtomicInteger rewrites = new AtomicInteger();
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                StatementRewriting.rewriting(sql -> sql.replace("information_schema.ROUTINES", "information_schema.NO_SUCH_VIEW"), rewrites));
        List<DatabaseRetries.Attempt> attempts = new CopyOnWriteArrayList<>();
        try {
            DatabaseSchema document = adapter.collect(database, quickRetries(attempts)).block();
            ContractSchemas.assertValid(document);

            assertThat(attempts).isEmpty();
            assertThat(document.collectionMetadata().objectFailures()).extracting(ObjectFailure::stage, ObjectFailure::retryAttempts)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(CollectionStage.COLLECT_ROUTINES, 0));
            assertThat(document.tables()).hasSize(2);
            assertThat(document.tables().get(1).foreignKeys()).hasSize(1);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void keysWhoseColumnsCannotBeReadAreLeftOutAndTheFailureRecorded(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(2));
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                StatementRewriting.rewriting(sql -> sql.replace("information_schema.KEY_COLUMN_USAGE", "information_schema.NO_SUCH_VIEW")));
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);

            assertThat(document.collectionMetadata().objectFailures()).extracting(ObjectFailure::objectType, ObjectFailure::stage)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ObjectType.CONSTRAINT, CollectionStage.COLLECT_CONSTRAINTS));
            assertThat(document.tables()).hasSize(2).allSatisfy(table -> {
                assertThat(table.primaryKey()).isNull();
                assertThat(table.foreignKeys()).isEmpty();
                assertThat(table.indexes()).isNotEmpty();
            });
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aStageWhoseRowsDoNotReadFailsAloneAsInvalidDataWithoutRetries(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(2));
        // A position that is no number: the statistics rows no longer read.
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                StatementRewriting.rewriting(sql -> sql.replace("SEQ_IN_INDEX AS position", "'first' AS position")));
        List<DatabaseRetries.Attempt> attempts = new CopyOnWriteArrayList<>();
        try {
            DatabaseSchema document = adapter.collect(database, quickRetries(attempts)).block();
            ContractSchemas.assertValid(document);

            assertThat(attempts).isEmpty();
            assertThat(document.collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
                assertThat(failure.objectType()).isEqualTo(ObjectType.INDEX);
                assertThat(failure.stage()).isEqualTo(CollectionStage.COLLECT_INDEXES);
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.INVALID_DATA);
                assertThat(failure.errorMessage()).startsWith("The statistics stage answered rows that do not read");
                assertThat(failure.retryAttempts()).isZero();
            });
            assertThat(document.tables()).hasSize(2).allSatisfy(table -> {
                assertThat(table.primaryKey()).isNotNull();
                assertThat(table.indexes()).isEmpty();
            });
            assertThat(document.tables().get(1).foreignKeys()).hasSize(1);
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void cancellingACollectionLeavesNoConnectionOpen(@MySql TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(3));
        MySqlAdapter adapter = MySqlAdapter.create(MySqlFixtures.target(server.endpoint()),
                ConnectionConfig.builder().statementTimeout(Duration.ofSeconds(2)).minIdleConnections(0).build(),
                StatementRewriting.rewriting(sql -> sql.replace("FROM information_schema.COLUMNS", slowly("COLUMNS", 5)),
                        new AtomicInteger()));
        try {
            StepVerifier.create(adapter.collect(database))
                    .thenAwait(Duration.ofMillis(500))
                    .thenCancel()
                    .verify(Duration.ofSeconds(30));

            StepVerifier.create(Mono.fromSupplier(() -> adapter.poolStats().open())
                            .filter(open -> open == 0)
                            .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)).take(100)))
                    .as("the cancelled read's connection is closed, not handed back")
                    .expectNext(0)
                    .verifyComplete();
            // The server notices a closed connection only when the statement ends; its time limit bounds that.
            StepVerifier.create(Mono.fromSupplier(() -> server.query(null, "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST "
                                    + "WHERE INFO LIKE '%dbsurveyor */%' AND INFO NOT LIKE '%PROCESSLIST%'").get(0).get("n"))
                            .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                            .filter(running -> ((Number) running).intValue() == 0)
                            .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(100)).take(50)))
                    .expectNextCount(1)
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }
}
