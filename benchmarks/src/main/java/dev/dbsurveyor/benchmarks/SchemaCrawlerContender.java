package dev.dbsurveyor.benchmarks;

import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.tools.utility.SchemaCrawlerUtility;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SchemaCrawler reading each database through its API ({@code SchemaCrawlerUtility.getCatalog})
 * with its default options and info level, on a fixed pool of as many threads as the concurrency,
 * one JDBC connection per database.
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
    public ContenderRun run(Endpoint endpoint, List<String> databases, int concurrency, Duration budget) throws Exception {
        return BlockingRuns.run("schemacrawler", databases, concurrency, budget, database -> {
            // One connection per database, as the other contenders have: left to itself, SchemaCrawler opens a
            // pool of several per database and runs PostgreSQL out of connections at concurrency 64.
            try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(database), endpoint.jdbcCredentials())) {
                SchemaCrawlerUtility.getCatalog(DatabaseConnectionSources.fromConnection(connection),
                        SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions());
            }
        });
    }
}
