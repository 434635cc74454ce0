package dev.dbsurveyor.adapter.postgres;

import dev.dbsurveyor.adapter.StageResults;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.model.AccessLevel;
import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.ErrorClassifier;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.NonBlockingGuard;
import dev.dbsurveyor.testing.Postgres;
import dev.dbsurveyor.testing.TestServer;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the PostgreSQL collector does when objects cannot be read, stages fail, or databases are missing. */
class PostgresFailuresIT {

    @BeforeAll
    static void failOnBlockingCalls() {
        NonBlockingGuard.install();
    }

    private static DatabaseSchema collect(PostgresAdapter adapter, String database) {
        try {
            DatabaseSchema document = adapter.collect(database).block();
            ContractSchemas.assertValid(document);
            return document;
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void aTableWithoutColumnsIsLeftOutWithAWarning(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database, "CREATE TABLE no_columns ()", "CREATE TABLE kept (id int)");

        DatabaseSchema document = collect(PostgresFixtures.adapter(server.endpoint()), database);

        assertThat(document.tables()).extracting(t -> t.name()).containsExactly("kept");
        assertThat(document.collectionMetadata().warnings()).singleElement().asString()
                .contains("public.no_columns").contains("no columns");
    }

    @Test
    void tablesTheRoleCannotReadAreStillDescribedAndTheAccessIsLimited(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database, PostgresFixtures.sql("every-object-kind.sql"));
        String role = server.createRole("limited-pw");
        server.execute(database, "GRANT SELECT ON shop.orders TO " + server.engine().quote(role));
        ServerTarget target = ServerTarget.parse(server.endpoint().url().replaceFirst("://[^@]*@", "://" + role + ":limited-pw@"),
                PostgresFixtures.NO_ENVIRONMENT);

        DatabaseSchema document = collect(PostgresAdapter.create(target, ConnectionConfig.defaults()), database);

        assertThat(document.tables()).hasSize(9);
        assertThat(PostgresFixtures.table(document, "shop", "customers").columns()).hasSize(33);
        assertThat(document.views()).hasSize(2);
        assertThat(document.functions()).hasSize(3);
        assertThat(document.databaseInfo().accessLevel()).isEqualTo(AccessLevel.LIMITED);
        assertThat(document.collectionMetadata().warnings()).singleElement().asString().contains("8 table(s)");
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
    }

    @Test
    void aFailingStageBecomesAnObjectFailureAndTheOtherStagesAreKept(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database, PostgresFixtures.sql("every-object-kind.sql"));
        Connection locker = Mono.from(server.connectionFactory(database).create()).block();
        try {
            // Only the routines stage reads pg_language: a lock on it stalls that stage alone until its timeout.
            PostgresConnectionsIT.holdLock(locker, "BEGIN; LOCK TABLE pg_catalog.pg_language IN ACCESS EXCLUSIVE MODE");

            DatabaseSchema document = collect(PostgresFixtures.adapter(server.endpoint(),
                    ConnectionConfig.builder().statementTimeout(Duration.ofSeconds(2)).build()), database);

            assertThat(document.databaseInfo().collectionStatus()).isEqualTo(CollectionStatus.SUCCESS);
            assertThat(document.collectionMetadata().objectFailures()).singleElement().satisfies(failure -> {
                assertThat(failure.objectType()).isEqualTo(ObjectType.FUNCTION);
                assertThat(failure.stage()).isEqualTo(CollectionStage.COLLECT_ROUTINES);
                assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.TIMEOUT);
                assertThat(failure.objectName()).isEqualTo(StageResults.WHOLE_STAGE);
                assertThat(failure.retryAttempts()).isZero();
            });
            assertThat(document.functions()).isEmpty();
            assertThat(document.procedures()).isEmpty();
            assertThat(document.tables()).hasSize(9);
            assertThat(document.customTypes()).hasSize(4);
            assertThat(document.triggers()).hasSize(3);
            assertThat(document.indexes()).isNotEmpty();
            assertThat(document.views()).allSatisfy(view -> assertThat(view.definition()).isNotBlank());
        } finally {
            PostgresConnectionsIT.holdLock(locker, "ROLLBACK");
            Mono.from(locker.close()).block();
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsAnErrorNotADocument(@Postgres TestServer server) {
        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            StepVerifier.create(adapter.collect("dbsurveyor_no_such_database"))
                    .expectErrorSatisfies(error -> {
                        ErrorClassification classification = ErrorClassifier.classify(error);
                        assertThat(classification.category()).isEqualTo(ErrorCategory.NOT_FOUND);
                        assertThat(classification.connectionError()).isTrue();
                        assertThat(classification.transientError()).isFalse();
                    })
                    .verify(Duration.ofSeconds(30));
            assertThat(adapter.poolStats().open()).isZero();
        } finally {
            adapter.close().block();
        }
    }

    @Test
    void theNumberOfStatementsDoesNotGrowWithTheNumberOfTables(@Postgres TestServer server) {
        String small = server.createDatabase();
        String large = server.createDatabase();
        server.execute(small, tables(5));
        server.execute(large, tables(500));

        List<Integer> few = statementsToCollect(server, small, 5);
        List<Integer> many = statementsToCollect(server, large, 500);

        assertThat(many).isEqualTo(few);
        assertThat(few.get(0)).as("round trips").isEqualTo(1);
    }

    /** [executions, SQL statements sent] while collecting one database. */
    private static List<Integer> statementsToCollect(TestServer server, String database, int expectedTables) {
        AtomicInteger executions = new AtomicInteger();
        AtomicInteger statements = new AtomicInteger();
        PostgresAdapter adapter = PostgresAdapter.create(PostgresFixtures.target(server.endpoint()), ConnectionConfig.defaults(),
                factory -> ProxyConnectionFactory.builder(factory)
                        .onBeforeQuery(execution -> {
                            executions.incrementAndGet();
                            execution.getQueries().forEach(query -> statements.addAndGet(query.getQuery().split(";\n").length));
                        })
                        .build());
        DatabaseSchema document = collect(adapter, database);
        assertThat(document.tables()).hasSize(expectedTables);
        assertThat(document.collectionMetadata().objectFailures()).isEmpty();
        return List.of(executions.get(), statements.get());
    }

    private static String tables(int count) {
        return "DO $$ BEGIN FOR i IN 1.." + count + " LOOP "
                + "EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, parent int REFERENCES t%s (id), label text)', i, greatest(i - 1, 1)); "
                + "EXECUTE format('CREATE INDEX ON t%s (label)', i); "
                + "END LOOP; END $$";
    }

    @Test
    void cancellingACollectionLeavesNoConnectionOpen(@Postgres TestServer server) {
        String database = server.createDatabase();
        server.execute(database, tables(300));
        PostgresAdapter adapter = PostgresFixtures.adapter(server.endpoint());
        try {
            StepVerifier.create(adapter.collect(database))
                    .thenAwait(Duration.ofMillis(50))
                    .thenCancel()
                    .verify(Duration.ofSeconds(30));

            StepVerifier.create(Mono.fromSupplier(() -> adapter.poolStats().open())
                            .filter(open -> open == 0)
                            .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(50)).take(100)))
                    .expectNext(0)
                    .verifyComplete();
        } finally {
            adapter.close().block();
        }
    }
}
