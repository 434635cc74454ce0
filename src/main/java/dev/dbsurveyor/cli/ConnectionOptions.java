package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.server.Secret;
import dev.dbsurveyor.server.ServerTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The server URL's companions: connection limits (flag over DBSURVEYOR_* variable over default)
 * and the password prompt; what parsing the URL warns of goes to the command's standard error.
 */
final class ConnectionOptions {

    @Option(names = "--max-connections", paramLabel = "N", description = "Most connections open at once (default 10; env DBSURVEYOR_MAX_CONNECTIONS).")
    Integer maxConnections;

    @Option(names = "--min-idle-connections", paramLabel = "N", description = "Pooled connections kept idle (default 2).")
    Integer minIdleConnections;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Limit on opening a connection (default 30).")
    Integer connectTimeout;

    @Option(names = "--acquire-timeout", paramLabel = "SECONDS", description = "Limit on waiting for a free connection (default 30).")
    Integer acquireTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Idle pooled connections close after this (default 600).")
    Integer idleTimeout;

    @Option(names = "--max-lifetime", paramLabel = "SECONDS", description = "Pooled connections are replaced after this (default 3600).")
    Integer maxLifetime;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", description = "Limit on one statement (default 30).")
    Integer statementTimeout;

    @Option(names = "--password-prompt", description = "Ask for the password on the terminal, without echo.")
    boolean passwordPrompt;

    @Option(names = "--recursive", description = "With a sqlite:// directory, find SQLite files in its subdirectories too.")
    boolean recursive;

    @Option(names = "--immutable", description = "With sqlite://, open every file as immutable (copies on read-only media): "
            + "no locks are taken, and a file must not change while it is read.")
    boolean immutable;

    /** The command these options belong to, where warnings are printed (its standard error). */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The server the URL names, once {@link #target} has parsed it: an error that the server cannot be reached names its host and port. */
    private ServerTarget parsed;

    ConnectionConfig config(Environment environment) {
        ConnectionConfig.Builder builder = ConnectionConfig.fromEnv(environment).toBuilder();
        FlagValues.apply("--max-connections", maxConnections, builder, ConnectionConfig.Builder::maxConnections);
        FlagValues.apply("--min-idle-connections", minIdleConnections, builder, ConnectionConfig.Builder::minIdleConnections);
        applySeconds("--connect-timeout", connectTimeout, builder, ConnectionConfig.Builder::connectTimeout);
        applySeconds("--acquire-timeout", acquireTimeout, builder, ConnectionConfig.Builder::acquireTimeout);
        applySeconds("--idle-timeout", idleTimeout, builder, ConnectionConfig.Builder::idleTimeout);
        applySeconds("--max-lifetime", maxLifetime, builder, ConnectionConfig.Builder::maxLifetime);
        applySeconds("--statement-timeout", statementTimeout, builder, ConnectionConfig.Builder::statementTimeout);
        return builder.build();
    }

    ServerTarget target(String url, Environment environment) {
        ServerTarget target = ServerTarget.parse(url, environment).withSqliteFlags(recursive, immutable);
        parsed = target;
        if (command != null) {
            java.io.PrintWriter err = command.commandLine().getErr();
            target.warnings().forEach(warning -> err.println("dbsurveyor: warning: " + warning));
            err.flush();
        }
        if (!passwordPrompt) {
            return target;
        }
        if (target.sqlite().isPresent()) {
            throw new ConfigurationException("--password-prompt is for servers: a SQLite file has no password");
        }
        Console console = System.console();
        if (console == null) {
            throw new ConfigurationException("--password-prompt needs a terminal: give the password with DBSURVEYOR_PASSWORD instead");
        }
        char[] password = console.readPassword("Password for %s: ", target.user());
        if (password == null) {
            throw new ConfigurationException("No password was given");
        }
        return target.withPassword(Secret.of(new String(password)));
    }

    /** The server {@link #target} parsed, if it has run. */
    Optional<ServerTarget> parsed() {
        return Optional.ofNullable(parsed);
    }

    private static void applySeconds(String flag, Integer seconds, ConnectionConfig.Builder builder,
                                     BiConsumer<ConnectionConfig.Builder, Duration> setter) {
        FlagValues.apply(flag, seconds == null ? null : Duration.ofSeconds(seconds), builder, setter);
    }
}
