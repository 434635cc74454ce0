package dev.dbsurveyor.adapter;

import java.util.HashMap;
import java.util.Map;

/**
 * What reads of catalog stages returned, stage by stage: each stage's result or why it failed,
 * and how often failed stages were retried. Adapters keep their own stage types and results;
 * this is how a later read of some stages replaces what an earlier one said of them.
 */
public record StageMaps<S, R>(Map<S, R> results, Map<S, Throwable> failures, Map<S, StageRetry> retries) {

    public StageMaps {
        results = Map.copyOf(results);
        failures = Map.copyOf(failures);
        retries = Map.copyOf(retries);
    }

    /** These stages with those of a later read (retry {@code retry}) replacing what they were, and the retry recorded. */
    public StageMaps<S, R> merge(Map<S, R> laterResults, Map<S, Throwable> laterFailures, StageRetry retry) {
        Map<S, R> mergedResults = new HashMap<>(results);
        Map<S, Throwable> mergedFailures = new HashMap<>(failures);
        Map<S, StageRetry> mergedRetries = new HashMap<>(retries);
        laterResults.forEach((stage, result) -> {
            mergedFailures.remove(stage);
            mergedResults.put(stage, result);
            mergedRetries.put(stage, retry);
        });
        laterFailures.forEach((stage, error) -> {
            mergedResults.remove(stage);
            mergedFailures.put(stage, error);
            mergedRetries.put(stage, retry);
        });
        return new StageMaps<>(mergedResults, mergedFailures, mergedRetries);
    }
}
