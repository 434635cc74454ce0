package dev.dbsurveyor.benchmarks;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.Sweep;

import java.time.Duration;
import java.util.List;

/**
 * dbsurveyor's sweep through the library's streaming API ({@code Sweep.outcomes}), every document
 * built and dropped once counted; the databases are selected with include globs.
 */
final class DbSurveyorContender implements Contender {

    @Override
    public String name() {
        return "dbsurveyor";
    }

    @Override
    public boolean supports(Endpoint endpoint) {
        return true;
    }

    @Override
    public ContenderRun run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) {
        DatabaseAdapter adapter = DatabaseAdapters.create(endpoint.target(), ConnectionConfig.builder()
                .maxConnections(concurrency + 1).minIdleConnections(0).statementTimeout(Duration.ofMinutes(5)).build());
        MultiDatabaseConfig.Builder config = MultiDatabaseConfig.builder().maxConcurrency(concurrency);
        Globs.selecting(databases).forEach(config::include);
        try {
            List<DatabaseOutcome> outcomes = Sweep.of(adapter, config.build()).outcomes().take(budget).collectList().block();
            List<Double> latencies = outcomes.stream().filter(DatabaseOutcome.Collected.class::isInstance)
                    .map(outcome -> ((DatabaseOutcome.Collected) outcome).duration().toNanos() / 1e6).toList();
            List<String> errors = outcomes.stream().filter(DatabaseOutcome.Failed.class::isInstance)
                    .map(outcome -> ((DatabaseOutcome.Failed) outcome).failure().toString()).toList();
            return new ContenderRun(latencies, errors.size(), errors.isEmpty() ? null : errors.get(0));
        } finally {
            adapter.close().block();
        }
    }
}
