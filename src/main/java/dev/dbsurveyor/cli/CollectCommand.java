package dev.dbsurveyor.cli;

import dev.dbsurveyor.adapter.DatabaseAdapter;
import dev.dbsurveyor.adapter.DatabaseAdapters;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.ConnectionConfig;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.DirectoryCollection;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.SampleStatus;
import dev.dbsurveyor.output.AtomicFiles;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.output.ExitCodes;
import dev.dbsurveyor.output.OutputPaths;
import dev.dbsurveyor.output.ResumedDirectory;
import dev.dbsurveyor.output.SweepFiles;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.PassphraseEncryption;
import dev.dbsurveyor.sweep.MultiDatabaseConfig;
import dev.dbsurveyor.sweep.ResumePlan;
import dev.dbsurveyor.sweep.ResumeScope;
import dev.dbsurveyor.sweep.Sweep;
import dev.dbsurveyor.sweep.SweepTally;
import dev.dbsurveyor.server.ServerTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Stack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** {@code dbsurveyor collect}: one database, a whole server, or a fleet of servers ({@link FleetCollect}). */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "collect",
        description = "Collect one database's schema, every database of a server, or every server of an inventory.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsurveyor collect postgresql://surveyor@db.example.com/sales",
                "  dbsurveyor collect postgresql://surveyor@db.example.com -o server.json \\",
                "      --include 'sales_*'",
                "  dbsurveyor collect postgresql://surveyor@db.example.com/postgres \\",
                "      --all-databases --output-dir out/",
                "  dbsurveyor collect postgresql://surveyor@db.example.com --output-dir out/ \\",
                "      --resume",
                "  dbsurveyor collect mysql://surveyor@db.example.com --sample 10 --sample-rate 20",
                "  dbsurveyor collect mariadb://surveyor@db.example.com:3307 --output-dir out/",
                "  dbsurveyor collect sqlite:///srv/app/app.db",
                "  dbsurveyor collect sqlite:///srv/backups/ --recursive --immutable --output-dir out/",
                "  dbsurveyor collect postgresql://surveyor@db.example.com --output-dir out/ \\",
                "      --compress --encrypt-to team.asc",
                "  dbsurveyor collect --inventory fleet.yaml --output-dir fleet/",
                "  dbsurveyor collect --inventory fleet.yaml --output-dir shard-0/ --shard 0/3",
                "",
                "Without a database in the URL, or with --all-databases, every database of the",
                "server is collected.",
                "Exit codes: 0 usable output, 1 none (or --strict and a failure), 2 usage error,",
                "130 interrupted."})
final class CollectCommand implements java.util.concurrent.Callable<Integer> {

    /** Above this size, an envelope bundle is more than upstream's reader (which holds it whole, as JSON numbers) handles well. */
    private static final long UPSTREAM_ENVELOPE_WARNING = 256L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", arity = "0..1", description = UrlForms.HELP)
    String url;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Collect every server FILE lists (one URL per line, or YAML with per-server options) into --output-dir, "
                    + "one subdirectory per server and fleet.json; see docs/FLEET.md.")
    Path inventory;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "With --inventory, collect only the servers of shard I of N (I from 0), for N machines to split a fleet.")
    String shard;

    @Option(names = "--all-databases", description = "Collect every database of the server, even when the URL names one.")
    boolean allDatabases;

    @Mixin
    FilterOptions filters;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    ProtectionOptions protectionOptions;

    @Mixin
    DecryptionOptions decryption;

    @Option(names = "--fail-fast", description = "Stop at the first database that fails.")
    boolean failFast;

    @Option(names = "--strict", description = "Exit 1 when any database fails or any table cannot be read.")
    boolean strict;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "The output file (default schema.dbsurveyor.json for one database, server.dbsurveyor.json for a server).")
    Path output;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Write one file per database and manifest.json into DIR.")
    Path outputDir;

    @Option(names = "--force", description = "Replace existing output.")
    boolean force;

    @Option(names = "--resume", arity = "0..1", paramLabel = "failed", parameterConsumer = ResumeValue.class,
            description = "Collect again, into the --output-dir of an earlier run, only what it lacks (failures, databases not reached "
                    + "or skipped, new ones; with =failed, not the skipped ones); every other file is kept as it is.")
    String resume;

    @Option(names = {"-v", "--verbose"}, description = "More detail; stack traces of errors.")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--no-progress", description = "No live progress line, even on a terminal.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Environment environment = Environment.system();
        if (output != null && outputDir != null) {
            throw new ConfigurationException("Give either --output or --output-dir, not both");
        }
        if (inventory != null) {
            return new FleetCollect(this, environment).call();
        }
        if (shard != null) {
            throw new ConfigurationException("--shard splits an inventory: give it with --inventory FILE");
        }
        if (url == null) {
            throw new ConfigurationException("A server URL is required (or --inventory FILE for many servers)");
        }
        ServerTarget target = connection.target(url, environment);
        ConnectionConfig connectionConfig = connection.config(environment);
        boolean sweep = allDatabases || target.database().isEmpty();
        MultiDatabaseConfig config = filters.config().continueOnError(!failFast).sampling(sampling.config()).build();
        if (sweep && connectionConfig.maxConnections() < ConnectionConfig.FEWEST_SWEEP_CONNECTIONS) {
            throw new ConfigurationException(ConnectionConfig.SWEEP_CONNECTIONS_NEEDED);
        }
        if (!sweep && outputDir != null) {
            throw new ConfigurationException("--output-dir is for a whole server: add --all-databases, or use --output");
        }
        if (resume != null && (output != null || outputDir == null)) {
            throw new ConfigurationException("--resume works on the directory of an earlier run: give it with --output-dir DIR");
        }
        if (resume != null && force) {
            throw new ConfigurationException("--resume keeps the directory's files: leave out --force");
        }
        if (!decryption.keyFiles.isEmpty() && resume == null) {
            throw new ConfigurationException("--decrypt-key is for reading: with collect, it goes with --resume");
        }
        Path named = outputDir != null ? null : output != null ? output : Path.of(sweep ? "server.dbsurveyor.json" : "schema.dbsurveyor.json");
        String suffix = protectionOptions.suffix();
        Path file = named == null ? null : OutputProtection.userFile(named, suffix);
        checkOutput(file, suffix);
        try (Secrets secrets = new Secrets(environment); OutputProtection protection = protectionOptions.protection(secrets)) {
            if (resume != null) {
                return resume(target, connectionConfig, config, resumeScope(), protection, secrets);
            }
            return collect(target, connectionConfig, config, sweep, file, protection);
        }
    }

    /** Checks where the output goes before any passphrase is asked for or any key derived; a directory is made if needed. */
    private void checkOutput(Path file, String suffix) {
        if (resume != null) {
            OutputPaths.manifestOfAnotherForm(outputDir, suffix).ifPresent(other -> {
                throw new ConfigurationException("cannot resume: " + outputDir + " was written with its manifest named " + other
                        + "; resume it with the options that wrote it");
            });
        } else if (file != null) {
            OutputPaths.checkFile(file, force);
        } else {
            OutputPaths.manifestOfAnotherForm(outputDir, suffix).ifPresent(other -> {
                throw new ConfigurationException(outputDir + " holds " + other + ", of a run that named its files otherwise: writing files named *"
                        + DatabaseFileNames.SUFFIX + suffix + " beside them would mix two forms; empty it or give another directory");
            });
            OutputPaths.prepareDirectory(outputDir, force);
        }
    }

    private int collect(ServerTarget target, ConnectionConfig connectionConfig, MultiDatabaseConfig config, boolean sweep, Path file,
                        OutputProtection protection) throws Exception {
        DatabaseAdapter adapter = DatabaseAdapters.create(target, connectionConfig);
        try {
            return sweep ? sweep(adapter, config, file, protection) : one(adapter, target.database().orElseThrow(), config, file, protection);
        } finally {
            adapter.close().block();
        }
    }

    /**
     * Takes the value of {@code --resume} only when it is one ({@code --resume=failed}, {@code --resume failed}),
     * so that {@code --resume URL} leaves the URL to the command.
     */
    static final class ResumeValue implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            boolean value = !args.isEmpty() && List.of("all", "failed").contains(args.peek().toLowerCase(Locale.ROOT));
            argSpec.setValue(value ? args.pop() : "all");
        }
    }

    ResumeScope resumeScope() {
        return "failed".equalsIgnoreCase(resume) ? ResumeScope.FAILED : ResumeScope.ALL;
    }

    /** Reads the directory before anything connects (a directory that is not one, or a bad manifest, is exit 2), then resumes it. */
    private int resume(ServerTarget target, ConnectionConfig connectionConfig, MultiDatabaseConfig config, ResumeScope scope,
                       OutputProtection protection, Secrets secrets) throws Exception {
        try (Decryption keys = decryption.keys(secrets)) {
            return resume(target, connectionConfig, config, scope, CollectionReader.directory(outputDir, keys), protection);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("cannot resume: " + e.getMessage());
        }
    }

    private int resume(ServerTarget target, ConnectionConfig connectionConfig, MultiDatabaseConfig config, ResumeScope scope,
                       DirectoryCollection collection, OutputProtection protection) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!quiet) {
            ResumePlan.filterChange(collection.manifest().filters(), ResumePlan.filtersOf(config))
                    .ifPresent(change -> err.println("warning: " + change));
            err.flush();
        }
        DatabaseAdapter adapter = DatabaseAdapters.create(target, connectionConfig);
        try {
            Progress progress = progress(err);
            CountDownLatch settled = new CountDownLatch(1);
            ResumedDirectory resumed = await(SweepFiles.resumeDirectory(adapter, config, progress, collection, scope, protection,
                    settled::countDown), settled, progress);
            if (!quiet) {
                SweepTally rerun = resumed.rerun();
                err.printf("ran again %d (collected %d, failed %d, skipped %d), kept %d (%d of them stale)%n", rerun.collected() + rerun.failed()
                        + rerun.skipped(), rerun.collected(), rerun.failed(), rerun.skipped(), resumed.plan().kept().size(), resumed.stale());
                err.println("wrote " + outputDir);
                err.flush();
            }
            return strict && !resumed.clean() ? ExitCodes.NOTHING_USABLE : resumed.usable() ? ExitCodes.OK : ExitCodes.NOTHING_USABLE;
        } finally {
            adapter.close().block();
        }
    }

    private int one(DatabaseAdapter adapter, String database, MultiDatabaseConfig config, Path file, OutputProtection protection)
            throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        DatabaseSchema document = Sweep.of(adapter, config).collectOne(database).block();
        AtomicFiles.write(file, protection, out -> ContractMapper.mapper().writeValue(out, document));
        if (!quiet) {
            err.printf("collected %s: %d tables, %d views, %d routines, %d object failures, in %d ms%nwrote %s%n", database,
                    document.tables().size(), document.views().size(), document.functions().size() + document.procedures().size(),
                    document.collectionMetadata().objectFailures().size(), document.collectionMetadata().collectionDurationMs(), file);
            if (document.samples() != null) {
                long skipped = document.samples().stream().filter(sample -> sample.sampleStatus() instanceof SampleStatus.Skipped).count();
                err.printf("sampled %d tables, %d skipped%n", document.samples().size() - skipped, skipped);
            }
            document.collectionMetadata().warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
        }
        return strict && SweepTally.hasTableFailures(document) ? ExitCodes.NOTHING_USABLE : ExitCodes.OK;
    }

    private int sweep(DatabaseAdapter adapter, MultiDatabaseConfig config, Path file, OutputProtection protection) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = progress(err);
        CountDownLatch settled = new CountDownLatch(1);
        Mono<SweepTally> run = file != null
                ? SweepFiles.toBundle(adapter, config, progress, file, protection, settled::countDown)
                : SweepFiles.toDirectory(adapter, config, progress, outputDir, protection, settled::countDown);
        SweepTally tally = await(run, settled, progress);
        if (!quiet) {
            summary(err, tally, file != null ? file : outputDir);
            if (file != null && protection.encryption() instanceof PassphraseEncryption && Files.size(file) > UPSTREAM_ENVELOPE_WARNING) {
                err.println("warning: upstream's tools read an --encrypt envelope whole, and this one is " + Files.size(file) / (1024 * 1024)
                        + " MiB: for them, prefer --output-dir (one envelope per database) or --encrypt-to");
                err.flush();
            }
        }
        return ExitCodes.of(tally, strict);
    }

    private Progress progress(PrintWriter err) {
        return new Progress(err, live(), verbose.length > 0, quiet);
    }

    boolean live() {
        return System.console() != null && !noProgress;
    }

    /**
     * Runs a sweep that writes files and waits for it; an interrupt (Ctrl-C) cancels it and waits
     * for its files to settle before the process exits.
     */
    static <T> T await(Mono<T> run, CountDownLatch settled, Progress progress) throws Exception {
        return await(run, settled, (Runnable) progress::end);
    }

    /** As {@link #await(Mono, CountDownLatch, Progress)}, with {@code ending} run once the run has ended, before its result is used. */
    static <T> T await(Mono<T> run, CountDownLatch settled, Runnable ending) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Disposable running = run.subscribe(result::complete, result::completeExceptionally);
        Thread interrupt = new Thread(() -> {
            if (!result.isDone()) {
                running.dispose();
                awaitQuietly(settled);
            }
        }, "dbsurveyor-interrupt");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            T value = result.get();
            ending.run();
            return value;
        } catch (ExecutionException e) {
            ending.run();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting on an interrupt; the hook is running.
            }
        }
    }

    private static void summary(PrintWriter err, SweepTally tally, Path where) {
        err.printf("collected %d, failed %d, skipped %d, filtered %d%n", tally.collected(), tally.failed(), tally.skipped(), tally.filtered());
        if (!tally.slowest().isEmpty()) {
            err.print("slowest:");
            tally.slowest().forEach(timed -> err.printf(" %s (%d ms)", timed.database(), timed.duration().toMillis()));
            err.println();
        }
        err.println("wrote " + where);
        err.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
