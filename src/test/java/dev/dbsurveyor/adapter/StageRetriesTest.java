package dev.dbsurveyor.adapter;

import dev.dbsurveyor.model.CollectionStage;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.model.ObjectType;
import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.retry.ErrorClassification;
import dev.dbsurveyor.retry.RetryPolicy;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The stage-retry loop both engines share, on a stage type of its own and virtual time. */
class StageRetriesTest {

    /** Three stages, declared in this order. */
    enum Stage implements CatalogStage {
        TABLES(CollectionStage.ENUMERATE_TABLES, ObjectType.TABLE),
        INDEXES(CollectionStage.COLLECT_INDEXES, ObjectType.INDEX),
        VIEWS(CollectionStage.COLLECT_VIEWS, ObjectType.VIEW);

        private final CollectionStage stage;
        private final ObjectType objectType;

        Stage(CollectionStage stage, ObjectType objectType) {
            this.stage = stage;
            this.objectType = objectType;
        }

        @Override
        public CollectionStage stage() {
            return stage;
        }

        @Override
        public ObjectType objectType() {
            return objectType;
        }
    }

    /** A statement timeout (SQLSTATE 57014): transient, not the connection's fault. */
    private static final R2dbcNonTransientResourceException TIMEOUT =
            new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014");
    /** A dropped connection (SQLSTATE 08006): transient, the connection's fault. */
    private static final R2dbcNonTransientResourceException LOST =
            new R2dbcNonTransientResourceException("connection lost", "08006");
    private static final R2dbcPermissionDeniedException DENIED =
            new R2dbcPermissionDeniedException("permission denied for table secrets", "42501");

    /** Up to 3 retries of transient errors, 500 ms doubling, at most 2,500 ms in all: the third delay is cut to 1,000 ms. */
    private static final RetryPolicy POLICY = new RetryPolicy() {
        @Override
        public boolean shouldRetry(ErrorClassification error, int retry) {
            return error.transientError() && retry <= 3;
        }

        @Override
        public Duration backoff(int retry) {
            return Duration.ofMillis(500L << (retry - 1));
        }

        @Override
        public Duration totalBackoffLimit() {
            return Duration.ofMillis(2_500);
        }
    };

    private final List<DatabaseRetries.Attempt> reported = new CopyOnWriteArrayList<>();
    private final List<List<Stage>> reads = new CopyOnWriteArrayList<>();
    private final DatabaseRetries retries = new DatabaseRetries(POLICY);

    private static StageResults<Stage, String> results(Map<Stage, String> results, Map<Stage, Throwable> failures) {
        return StageResults.of(results, failures);
    }

    /** A re-read that records which stages it was asked for and answers what {@code answer} says. */
    private Function<List<Stage>, Mono<StageResults<Stage, String>>> readAgain(Function<List<Stage>, Mono<StageResults<Stage, String>>> answer) {
        return stages -> {
            reads.add(stages);
            return answer.apply(stages);
        };
    }

    private Mono<StageResults<Stage, String>> retryFailed(StageResults<Stage, String> first,
                                                          Function<List<Stage>, Mono<StageResults<Stage, String>>> answer) {
        return StageRetries.retryFailed(first, readAgain(answer), retries, reported::add);
    }

    @Test
    void aTransientFailureIsRetriedAfterThePolicysDelaysUntilTheBudgetIsSpentThenRecordedWhileTheOtherStagesAreKept() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables", Stage.VIEWS, "1 view"), Map.of(Stage.INDEXES, TIMEOUT));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.just(results(Map.of(), Map.of(Stage.INDEXES, TIMEOUT)))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(499))
                .then(() -> assertThat(reads).isEmpty())
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(reads).hasSize(1))
                .expectNoEvent(Duration.ofMillis(999))
                .then(() -> assertThat(reads).hasSize(1))
                .thenAwait(Duration.ofMillis(1))
                .then(() -> assertThat(reads).hasSize(2))
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(result -> {
                    assertThat(result.results()).isEqualTo(Map.of(Stage.TABLES, "3 tables", Stage.VIEWS, "1 view"));
                    assertThat(result.failures()).isEqualTo(Map.of(Stage.INDEXES, TIMEOUT));
                    assertThat(result.objectFailures()).singleElement().isEqualTo(new ObjectFailure(ObjectType.INDEX,
                            StageResults.WHOLE_STAGE, null, CollectionStage.COLLECT_INDEXES, ErrorCategory.TIMEOUT,
                            TIMEOUT.getMessage(), 3, 1_000L));
                })
                .verifyComplete();

        assertThat(reads).containsExactly(List.of(Stage.INDEXES), List.of(Stage.INDEXES), List.of(Stage.INDEXES));
        assertThat(reported).extracting(DatabaseRetries.Attempt::retry, DatabaseRetries.Attempt::delay, DatabaseRetries.Attempt::error)
                .containsExactly(tuple(1, Duration.ofMillis(500), TIMEOUT), tuple(2, Duration.ofMillis(1_000), TIMEOUT),
                        tuple(3, Duration.ofMillis(1_000), TIMEOUT));
        assertThat(retries.spent()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void stagesThatSucceedOnARetryAreKeptWithTheirRetryAndOnlyTheStillFailingOnesAreReadAgain() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, TIMEOUT, Stage.VIEWS, TIMEOUT));
        Function<List<Stage>, Mono<StageResults<Stage, String>>> answer = stages -> Mono.just(reads.size() == 1
                ? results(Map.of(Stage.VIEWS, "1 view"), Map.of(Stage.INDEXES, TIMEOUT))
                : results(Map.of(Stage.INDEXES, "2 indexes"), Map.of()));

        StepVerifier.withVirtualTime(() -> retryFailed(first, answer))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1_499))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(result -> {
                    assertThat(result.results()).isEqualTo(Map.of(Stage.TABLES, "3 tables", Stage.INDEXES, "2 indexes", Stage.VIEWS, "1 view"));
                    assertThat(result.failures()).isEmpty();
                    assertThat(result.retries()).isEqualTo(Map.of(Stage.VIEWS, new StageRetry(1, Duration.ofMillis(500)),
                            Stage.INDEXES, new StageRetry(2, Duration.ofMillis(1_000))));
                    assertThat(result.objectFailures()).isEmpty();
                })
                .verifyComplete();

        assertThat(reads).containsExactly(List.of(Stage.INDEXES, Stage.VIEWS), List.of(Stage.INDEXES));
    }

    @Test
    void aFailureThatIsNotTransientIsNotRetriedAndBecomesAnObjectFailureOfItsStage() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, TIMEOUT, Stage.VIEWS, DENIED));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.just(results(Map.of(Stage.INDEXES, "2 indexes"), Map.of()))))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(500))
                .assertNext(result -> {
                    assertThat(result.results()).isEqualTo(Map.of(Stage.TABLES, "3 tables", Stage.INDEXES, "2 indexes"));
                    assertThat(result.objectFailures()).singleElement().isEqualTo(new ObjectFailure(ObjectType.VIEW,
                            StageResults.WHOLE_STAGE, null, CollectionStage.COLLECT_VIEWS, ErrorCategory.PERMISSION,
                            DENIED.getMessage(), 0, null));
                })
                .verifyComplete();

        assertThat(reads).containsExactly(List.of(Stage.INDEXES));
    }

    @Test
    void onlyNonTransientFailuresMeanNoRetryAndNoDelay() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables", Stage.INDEXES, "2 indexes"), Map.of(Stage.VIEWS, DENIED));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.error(new AssertionError("read again"))))
                .expectSubscription()
                .assertNext(result -> assertThat(result).isEqualTo(first))
                .verifyComplete();

        assertThat(reads).isEmpty();
        assertThat(reported).isEmpty();
        assertThat(retries.spent()).isZero();
    }

    @Test
    void rowsThatDoNotReadAreInvalidDataAndNotRetried() {
        InvalidCatalogDataException unreadable = new InvalidCatalogDataException(Stage.INDEXES, new IllegalArgumentException("bad"));
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, unreadable));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.error(new AssertionError("read again"))))
                .expectSubscription()
                .assertNext(result -> assertThat(result.objectFailures()).singleElement().satisfies(failure -> {
                    assertThat(failure.errorCategory()).isEqualTo(ErrorCategory.INVALID_DATA);
                    assertThat(failure.stage()).isEqualTo(CollectionStage.COLLECT_INDEXES);
                    assertThat(failure.errorMessage()).isEqualTo("The indexes stage answered rows that do not read: bad");
                }))
                .verifyComplete();
        assertThat(reads).isEmpty();
    }

    @Test
    void aConnectionThatStaysLostFailsTheDatabaseOnceTheRetriesAreSpent() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, LOST, Stage.VIEWS, LOST));
        IllegalStateException refused = new IllegalStateException("connection refused",
                new R2dbcNonTransientResourceException("connection refused", "08001"));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.error(refused)))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_499))
                .thenAwait(Duration.ofMillis(1))
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(refused))
                .verify();

        assertThat(reads).hasSize(3).allSatisfy(stages -> assertThat(stages).containsExactly(Stage.INDEXES, Stage.VIEWS));
    }

    @Test
    void aLostConnectionWithNoRetryLeftFailsTheDatabaseAtOnce() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, DENIED, Stage.VIEWS, LOST));

        StepVerifier.withVirtualTime(() -> StageRetries.retryFailed(first, readAgain(stages -> Mono.error(new AssertionError("read again"))),
                        DatabaseRetries.none(), reported::add))
                .expectSubscription()
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(LOST))
                .verify();
        assertThat(reads).isEmpty();
    }

    @Test
    void aConnectionLostOnceAndBackOnTheRetryLeavesACompleteResult() {
        StageResults<Stage, String> first = results(Map.of(Stage.TABLES, "3 tables"), Map.of(Stage.INDEXES, LOST));

        StepVerifier.withVirtualTime(() -> retryFailed(first, stages -> Mono.just(results(Map.of(Stage.INDEXES, "2 indexes"), Map.of()))))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(500))
                .assertNext(result -> {
                    assertThat(result.failures()).isEmpty();
                    assertThat(result.results()).containsOnlyKeys(Stage.TABLES, Stage.INDEXES);
                })
                .verifyComplete();
    }

    @Test
    void aLaterReadReplacesWhatItReadAgainAndRecordsItsRetry() {
        StageResults<Stage, Integer> first = StageResults.of(Map.of(Stage.TABLES, 3), Map.of(Stage.INDEXES, TIMEOUT, Stage.VIEWS, TIMEOUT));
        StageRetry retry = new StageRetry(1, Duration.ofMillis(500));

        StageResults<Stage, Integer> merged = first.merge(StageResults.of(Map.of(Stage.INDEXES, 9), Map.of(Stage.VIEWS, DENIED)), retry);

        assertThat(merged.results()).isEqualTo(Map.of(Stage.TABLES, 3, Stage.INDEXES, 9));
        assertThat(merged.failures()).isEqualTo(Map.of(Stage.VIEWS, DENIED));
        assertThat(merged.retries()).isEqualTo(Map.of(Stage.INDEXES, retry, Stage.VIEWS, retry));
    }
}
