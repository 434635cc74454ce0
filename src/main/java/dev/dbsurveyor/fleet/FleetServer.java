package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.config.SamplingConfig;
import dev.dbsurveyor.model.OutputMode;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import dev.dbsurveyor.sweep.GlobPattern;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A server of a fleet ready to sweep: its inventory entry, its target with the password found, and
 * the settings its entry, the inventory's defaults and the fleet's own make.
 */
public record FleetServer(InventoryEntry entry, ServerTarget target, ConnectionConfig connection, MultiDatabaseConfig sweep) {

    /** The server's label. */
    public String label() {
        return entry.label();
    }

    /**
     * Resolves {@code entry}: its password from {@code DBSURVEYOR_PASSWORD_<LABEL>}, else its
     * {@code password_file}, else as {@code collect} finds one; reads files, so it may block.
     */
    public static FleetServer resolve(InventoryEntry entry, FleetConfig fleet) {
        try {
            ServerOptions options = entry.options();
            ServerTarget target = withPassword(ServerTarget.parse(entry.url(), fleet.environment()), entry, fleet.environment());
            ConnectionConfig connection = connection(fleet.connection(), options);
            if (connection.maxConnections() < ConnectionConfig.FEWEST_SWEEP_CONNECTIONS) {
                throw new ConfigurationException(ConnectionConfig.SWEEP_CONNECTIONS_NEEDED + " or max_connections");
            }
            return new FleetServer(entry, target, connection, sweep(fleet, options, connection));
        } catch (ConfigurationException e) {
            throw new ConfigurationException(entry.source() + " (" + entry.label() + "): " + e.getMessage());
        }
    }

    private static ServerTarget withPassword(ServerTarget target, InventoryEntry entry, Environment environment) {
        Optional<String> own = environment.get(entry.passwordVariable());
        if (own.isPresent()) {
            return target.withPassword(Secret.of(own.get()));
        }
        return entry.options().passwordFile().map(file -> target.withPassword(Secret.of(firstLine(file)))).orElse(target);
    }

    private static String firstLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new ConfigurationException("the password file " + file + " is empty");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the password file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static ConnectionConfig connection(ConnectionConfig base, ServerOptions options) {
        ConnectionConfig.Builder builder = base.toBuilder();
        options.maxConnections().ifPresent(max -> {
            builder.minIdleConnections(Math.min(base.minIdleConnections(), Math.max(0, max - 1)));
            builder.maxConnections(max);
        });
        options.connectTimeoutSeconds().ifPresent(seconds -> builder.connectTimeout(seconds(seconds, "connect_timeout")));
        options.statementTimeoutSeconds().ifPresent(seconds -> builder.statementTimeout(seconds(seconds, "statement_timeout")));
        return builder.build();
    }

    private static Duration seconds(int seconds, String what) {
        if (seconds < 1) {
            throw new ConfigurationException(what + " is at least 1 second, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** A server takes at most the fleet's bound and, unless it says otherwise, no more databases at once than it has connections. */
    private static MultiDatabaseConfig sweep(FleetConfig fleet, ServerOptions options, ConnectionConfig connection) {
        MultiDatabaseConfig base = fleet.sweep();
        int concurrency = Math.min(fleet.maxConcurrency(), options.maxConcurrency().orElse(connection.maxConnections()));
        if (options.maxConcurrency().filter(value -> value < 1).isPresent()) {
            throw new ConfigurationException("max_concurrency is at least 1");
        }
        SamplingConfig sampling = options.sampleRows().map(rows -> new SamplingConfig(rows, base.sampling().queriesPerSecond(),
                base.sampling().maxValueLength(), base.sampling().maxSampleBytes(), base.sampling().redact())).orElse(base.sampling());
        return new MultiDatabaseConfig(concurrency, options.includeSystem().orElse(base.includeSystem()),
                options.include().map(FleetServer::globs).orElse(base.includePatterns()),
                options.exclude().map(FleetServer::globs).orElse(base.excludePatterns()),
                true, OutputMode.ONE_PER_DATABASE, base.retryPolicy(), sampling);
    }

    private static List<GlobPattern> globs(List<String> globs) {
        return globs.stream().map(GlobPattern::compile).toList();
    }
}
