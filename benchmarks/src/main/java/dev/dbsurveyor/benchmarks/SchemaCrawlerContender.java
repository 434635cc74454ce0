package dev.dbsurveyor.benchmarks;

import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;
import us.fatehi.utility.datasource.MultiUseUserCredentials;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SchemaCrawler reading each database through its API ({@code SchemaCrawlerUtility.getCatalog})
 * with its default options and info level, on a fixed pool of as many threads as the concurrency.
 */
final class SchemaCrawlerContender implements Contender {

    static {
        Logger.getLogger("").setLevel(Level.OFF);
        Logger.getLogger("schemacrawler").setLevel(Level.OFF);
        Logger.getLogger("us.fatehi").setLevel(Level.OFF);
    }

    @Override
    public String name() {
        return "SchemaCrawler";
    }

    @Override
    public boolean supports(Endpoint endpoint) {
        return true;
    }

    @Override
    public List<Double> run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) throws Exception {
        return BlockingRuns.run("schemacrawler", databases, concurrency, budget, database -> {
            var source = DatabaseConnectionSources.newDatabaseConnectionSource(endpoint.jdbcUrl(database),
                    new MultiUseUserCredentials(endpoint.user(), endpoint.password()));
            try {
                SchemaCrawlerUtility.getCatalog(source, SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions());
            } finally {
                source.close();
            }
        });
    }
}
