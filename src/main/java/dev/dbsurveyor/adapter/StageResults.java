package dev.dbsurveyor.adapter;

import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.ObjectFailure;
import dev.dbsurveyor.retry.ErrorClassifier;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reads of an engine's catalog stages returned, stage by stage: each stage's result
 * ({@code R}, the engine's rows) or why it failed, and how often failed stages were retried. Every
 * stage asked for is in exactly one of the first two maps.
 */
public record StageResults<S extends Enum<S> & CatalogStage, R>(Map<S, R> results, Map<S, Throwable> failures,
                                                                Map<S, StageRetry> retries) {

    /** Object name of a failure that concerns every object of its stage. */
    public static final String WHOLE_STAGE = "*";

    public StageResults {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
        retries = Map.copyOf(retries);
    }

    /** One read's results and failures, nothing retried yet. */
    public static <S extends Enum<S> & CatalogStage, R> StageResults<S, R> of(Map<S, R> results, Map<S, Throwable> failures) {
        return new StageResults<>(results, failures, Map.of());
    }

    /** A read in which every one of {@code stages} failed with {@code error} (it could not even connect, say). */
    public static <S extends Enum<S> & CatalogStage, R> StageResults<S, R> failedAll(Collection<S> stages, Throwable error) {
        Map<S, Throwable> failures = new HashMap<>();
        stages.forEach(stage -> failures.put(stage, error));
        return of(Map.of(), failures);
    }

    /** These stages with those of a later read (retry {@code retry}) replacing what they were, and the retry recorded. */
    public StageResults<S, R> merge(StageResults<S, R> later, StageRetry retry) {
        Map<S, R> mergedResults = new HashMap<>(results);
        Map<S, Throwable> mergedFailures = new HashMap<>(failures);
        Map<S, StageRetry> mergedRetries = new HashMap<>(retries);
        later.results().forEach((stage, result) -> {
            mergedFailures.remove(stage);
            mergedResults.put(stage, result);
            mergedRetries.put(stage, retry);
        });
        later.failures().forEach((stage, error) -> {
            mergedResults.remove(stage);
            mergedFailures.put(stage, error);
            mergedRetries.put(stage, retry);
        });
        return new StageResults<>(mergedResults, mergedFailures, mergedRetries);
    }

    /** Whether {@code stage} was read (its result is here). */
    public boolean read(S stage) {
        return results.containsKey(stage);
    }

    /** The failed stages, in the order their enum declares them. */
    public List<S> failedStages() {
        return failures.keySet().stream().sorted().toList();
    }

    /** The first failure, in stage order, that concerns the connection rather than one statement. */
    public Optional<Throwable> lostConnection() {
        return failedStages().stream().map(failures::get).filter(error -> ErrorClassifier.classify(error).connectionError()).findFirst();
    }

    /** Each failed stage as the object failure a document records for it, in stage order. */
    public List<ObjectFailure> objectFailures() {
        return failedStages().stream().map(stage -> {
            Throwable error = failures.get(stage);
            ErrorCategory category = error instanceof InvalidCatalogDataException
                    ? ErrorCategory.INVALID_DATA : ErrorClassifier.classify(error).category();
            StageRetry retry = retries.getOrDefault(stage, StageRetry.NONE);
            return new ObjectFailure(stage.objectType(), WHOLE_STAGE, null, stage.stage(), category, String.valueOf(error.getMessage()),
                    retry.retries(), retry.lastBackoff() == null ? null : retry.lastBackoff().toMillis());
        }).toList();
    }
}
