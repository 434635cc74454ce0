package dev.dbsurveyor.fleet;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an inventory says about how one server (or, as {@code defaults}, every server) is swept;
 * an absent value leaves the choice to the next source: a server's own setting, then the
 * inventory's defaults, then the command's flags, then the built-in defaults.
 *
 * @param include           databases to keep (globs); replaces the include globs of the sources below it
 * @param exclude           databases to leave out (globs); replaces the exclude globs of the sources below it
 * @param includeSystem     whether system databases are collected
 * @param maxConnections    the server's connection limit
 * @param maxConcurrency    the server's own bound on databases in flight (under the fleet's bound)
 * @param connectTimeoutSeconds   limit on opening a connection
 * @param statementTimeoutSeconds limit on one statement
 * @param sampleRows        rows sampled per table (0 turns sampling off)
 * @param passwordFile      a file whose first line is the password (a server's own setting only)
 */
public record ServerOptions(
        Optional<List<String>> include,
        Optional<List<String>> exclude,
        Optional<Boolean> includeSystem,
        Optional<Integer> maxConnections,
        Optional<Integer> maxConcurrency,
        Optional<Integer> connectTimeoutSeconds,
        Optional<Integer> statementTimeoutSeconds,
        Optional<Integer> sampleRows,
        Optional<Path> passwordFile) {

    /** Nothing said: every value comes from the sources below. */
    public static ServerOptions none() {
        return new ServerOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These options where they say something, {@code defaults} where they do not. */
    public ServerOptions over(ServerOptions defaults) {
        return new ServerOptions(include.or(defaults::include), exclude.or(defaults::exclude), includeSystem.or(defaults::includeSystem),
                maxConnections.or(defaults::maxConnections), maxConcurrency.or(defaults::maxConcurrency),
                connectTimeoutSeconds.or(defaults::connectTimeoutSeconds), statementTimeoutSeconds.or(defaults::statementTimeoutSeconds),
                sampleRows.or(defaults::sampleRows), passwordFile.or(defaults::passwordFile));
    }
}
