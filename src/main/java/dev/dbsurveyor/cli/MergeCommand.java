package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.fleet.FleetMerge;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.output.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dbsurveyor merge}: the directories of every shard of a fleet joined into one fleet directory. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "merge",
        description = "Join the output directories of every shard of a fleet (collect --inventory --shard I/N) into one fleet directory.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  dbsurveyor merge shard-0 shard-1 shard-2 -o fleet/",
                "",
                "Shards of another split or inventory, a shard given twice, a missing or interrupted",
                "shard and a server in two shards are refused before anything is written.",
                "Exit codes: 0 merged, 2 refused or unreadable."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The output directory of each shard.")
    List<Path> shards;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The merged fleet directory (new, or empty).")
    Path output;

    @Mixin
    ProtectionOptions protectionOptions;

    @Mixin
    DecryptionOptions decryption;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Environment environment = Environment.system();
        try (Secrets secrets = new Secrets(environment); Decryption keys = decryption.keys(secrets);
             OutputProtection protection = protectionOptions.protection(secrets)) {
            FleetManifest merged = FleetMerge.merge(shards, output, keys, protection);
            if (!quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("merged %d shards: %d servers (%d failed), %d databases collected%nwrote %s%n", merged.mergedShards(),
                        merged.totals().servers(), merged.totals().serversFailed(), merged.totals().databasesCollected(), output);
                err.flush();
            }
            return ExitCodes.OK;
        }
    }
}
