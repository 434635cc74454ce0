package dev.dbsurveyor.adapter;

import dev.dbsurveyor.retry.DatabaseRetries;
import dev.dbsurveyor.retry.ErrorClassifier;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The stage-retry loop every engine shares: after a first read of its catalog stages, the stages
 * that failed with errors the policy retries are read again, together, after the policy's delay,
 * until they succeed or the policy or the database's budget gives up. An engine supplies only how
 * to read a list of its stages.
 */
public final class StageRetries {

    private StageRetries() {
    }

    /**
     * {@code first} with its retried stages' later results merged in. A re-read that fails as a
     * whole (it cannot even connect) counts as those stages failing again with its error. Stages
     * that still fail for lack of a connection once the retries are spent fail the result with that
     * error: a document without them would pass for a complete one.
     *
     * @param readAgain reads the given stages anew (on a new connection, in a new snapshot)
     * @param retries   the database's policy and delay budget
     * @param report    told of each retry before its delay
     */
    public static <S extends Enum<S> & CatalogStage, R> Mono<StageResults<S, R>> retryFailed(StageResults<S, R> first,
            Function<List<S>, Mono<StageResults<S, R>>> readAgain, DatabaseRetries retries, Consumer<DatabaseRetries.Attempt> report) {
        return retry(first, readAgain, retries, report, 1)
                .flatMap(results -> results.lostConnection().<Mono<StageResults<S, R>>>map(Mono::error).orElseGet(() -> Mono.just(results)));
    }

    private static <S extends Enum<S> & CatalogStage, R> Mono<StageResults<S, R>> retry(StageResults<S, R> results,
            Function<List<S>, Mono<StageResults<S, R>>> readAgain, DatabaseRetries retries, Consumer<DatabaseRetries.Attempt> report,
            int retry) {
        List<S> retried = results.failedStages().stream()
                .filter(stage -> ErrorClassifier.classify(results.failures().get(stage)).transientError())
                .toList();
        if (retried.isEmpty()) {
            return Mono.just(results);
        }
        Throwable error = results.failures().get(retried.get(0));
        return retries.next(error, retry)
                .map(delay -> {
                    report.accept(new DatabaseRetries.Attempt(error, retry, delay));
                    return Mono.delay(delay)
                            .then(Mono.defer(() -> readAgain.apply(retried))
                                    .onErrorResume(failure -> Mono.just(StageResults.<S, R>failedAll(retried, failure))))
                            .flatMap(again -> retry(results.merge(again, new StageRetry(retry, delay)), readAgain, retries, report,
                                    retry + 1));
                })
                .orElseGet(() -> Mono.just(results));
    }
}
