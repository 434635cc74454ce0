package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.fleet.Fleet;
import dev.dbsurveyor.fleet.FleetConfig;
import dev.dbsurveyor.fleet.FleetResult;
import dev.dbsurveyor.fleet.FleetRun;
import dev.dbsurveyor.fleet.FleetServer;
import dev.dbsurveyor.fleet.Inventory;
import dev.dbsurveyor.fleet.InventoryFile;
import dev.dbsurveyor.fleet.Shard;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.output.OutputPaths;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code collect --inventory}: the servers an inventory lists, into a fleet directory; the options are {@link CollectCommand}'s. */
final class FleetCollect {

    private final CollectCommand command;
    private final Environment environment;

    FleetCollect(CollectCommand command, Environment environment) {
        this.command = command;
        this.environment = environment;
    }

    int call() throws Exception {
        checkOptions();
        Inventory servers = InventoryFile.read(command.inventory, environment);
        Shard shard = command.shard == null ? Shard.whole() : Shard.parse(command.shard);
        FleetConfig config = new FleetConfig(command.filters.maxConcurrency == null ? FleetConfig.DEFAULT_CONCURRENCY : command.filters.maxConcurrency,
                shard, connection(), command.filters.config().sampling(command.sampling.config()).build(), environment);
        checkOutput();
        Fleet fleet = Fleet.of(servers, config);
        PrintWriter err = command.spec.commandLine().getErr();
        fleet.servers().stream().map(FleetServer::target).forEach(target -> target.warnings()
                .forEach(warning -> err.println("dbsurveyor: warning: " + target.host() + ":" + target.port() + ": " + warning)));
        if (!command.quiet) {
            err.println("collecting " + fleet.servers().size() + " of " + servers.servers().size() + " servers"
                    + (shard.isWhole() ? "" : " (shard " + shard + ")") + ", " + config.maxConcurrency() + " databases at once");
        }
        err.flush();
        if (fleet.servers().isEmpty() && !command.quiet) {
            // An empty shard is a shard done: the scheduler that runs it must not count it failed.
            err.println("shard " + shard + " holds none of the inventory's " + servers.servers().size() + " servers");
        }
        try (Secrets secrets = new Secrets(environment); OutputProtection protection = command.protectionOptions.protection(secrets)) {
            FleetProgress progress = new FleetProgress(err, fleet.servers().size(), command.live(), command.verbose.length > 0, command.quiet);
            FleetRun run = FleetRun.of(fleet, command.outputDir, protection, progress);
            CountDownLatch settled = new CountDownLatch(1);
            FleetResult result;
            if (command.resume != null) {
                try (Decryption keys = command.decryption.keys(secrets)) {
                    result = CollectCommand.await(run.resume(keys, command.resumeScope(), settled::countDown), settled, (Runnable) progress::end);
                } catch (ConfigurationException e) {
                    throw new ConfigurationException("cannot resume: " + e.getMessage());
                }
            } else {
                result = CollectCommand.await(run.collect(settled::countDown), settled, (Runnable) progress::end);
            }
            summary(err, result.manifest());
            if (fleet.servers().isEmpty()) {
                return ExitCodes.OK;
            }
            return command.strict && !result.clean() ? ExitCodes.NOTHING_USABLE : result.usable() ? ExitCodes.OK : ExitCodes.NOTHING_USABLE;
        }
    }

    /**
     * The connection settings every server starts from. Unless said otherwise a fleet keeps no idle
     * connections: a server's are closed with its pool when its sweep ends, and idle ones of many
     * servers in flight at once would add up for nothing.
     */
    private ConnectionConfig connection() {
        ConnectionConfig config = command.connection.config(environment);
        boolean chosen = command.connection.minIdleConnections != null || environment.get("DBSURVEYOR_MIN_IDLE_CONNECTIONS").isPresent();
        return chosen ? config : config.toBuilder().minIdleConnections(0).build();
    }

    private void checkOptions() {
        if (command.url != null) {
            throw new ConfigurationException("Give either a server URL or --inventory FILE, not both");
        }
        if (command.outputDir == null) {
            throw new ConfigurationException("--inventory writes a fleet directory: give it with --output-dir DIR");
        }
        if (command.failFast) {
            throw new ConfigurationException("--fail-fast stops one server's sweep; a fleet goes on past a failed server: leave it out");
        }
        if (command.connection.passwordPrompt) {
            throw new ConfigurationException("--password-prompt asks for one password; a fleet's come from DBSURVEYOR_PASSWORD_<LABEL>, "
                    + "password_file, ~/.pgpass or MYSQL_PWD");
        }
        if (command.allDatabases) {
            throw new ConfigurationException("--all-databases is how a fleet sweeps every server already: leave it out");
        }
        if (command.resume != null && command.force) {
            throw new ConfigurationException("--resume keeps the directory's files: leave out --force");
        }
        if (!command.decryption.keyFiles.isEmpty() && command.resume == null) {
            throw new ConfigurationException("--decrypt-key is for reading: with collect, it goes with --resume");
        }
    }

    /** Checks the fleet directory before any passphrase is asked for or anything connects. */
    private void checkOutput() {
        Path directory = command.outputDir;
        if (Files.isDirectory(directory) && !DirectoryWriter.manifests(directory).isEmpty()) {
            throw new ConfigurationException(directory + " holds a single-server run (" + DirectoryWriter.MANIFEST
                    + "): give a fleet its own directory");
        }
        String own = command.protectionOptions.suffix();
        CollectionReader.fleetManifests(directory).stream().map(file -> file.getFileName().toString())
                .filter(name -> !name.equals(FleetManifest.FILE + own)).findFirst().ifPresent(other -> {
                    if (command.resume != null || !command.force) {
                        throw new ConfigurationException((command.resume != null ? "cannot resume: " : "") + directory
                                + " was written with its fleet manifest named " + other + "; " + (command.resume != null
                                ? "resume it with the options that wrote it" : "empty it or give another directory"));
                    }
                });
        if (command.resume != null) {
            // A scheduler retries a shard with the same command: resuming what was never started starts it.
            OutputPaths.prepareDirectory(directory, true);
        } else {
            OutputPaths.prepareDirectory(directory, command.force);
        }
    }

    private void summary(PrintWriter err, FleetManifest manifest) {
        if (command.quiet) {
            return;
        }
        FleetManifest.FleetTotals totals = manifest.totals();
        err.printf("servers %d (failed %d, partial %d, interrupted %d); databases collected %d, failed %d, skipped %d, filtered %d%n",
                totals.servers(), totals.serversFailed(), count(manifest, FleetServerStatus.PARTIAL), count(manifest, FleetServerStatus.INTERRUPTED),
                totals.databasesCollected(), totals.databasesFailed(), totals.databasesSkipped(), totals.databasesFiltered());
        err.println("wrote " + command.outputDir);
        err.flush();
    }

    private static long count(FleetManifest manifest, FleetServerStatus status) {
        return manifest.servers().stream().map(FleetServerEntry::status).filter(status::equals).count();
    }
}
