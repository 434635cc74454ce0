package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.report.ReportFormat;
import dev.dbsurveyor.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code dbsurveyor report}: a collection or a change document as pages people read. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "report",
        description = {"Write a collection as a browsable HTML site (a server page, a page per database",
                "with its ER diagrams, a search box) or as GitHub-flavoured Markdown.",
                "INPUT is a document, a bundle, an --output-dir directory, or a change",
                "document from 'dbsurveyor diff --json'."},
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor report sweep/ -o site/          (then open site/index.html)",
                "  dbsurveyor report bundle.json -o docs/db --format markdown",
                "  dbsurveyor report changes.json -o changes/",
                "",
                "The site needs no server and no network: every script ships with it.",
                "DIR is written whole or not at all; --force replaces an earlier report there.",
                "",
                "Exit codes:",
                "  0  written",
                "  1  the report could not be written (a disk error)",
                "  2  usage or input error: unreadable, invalid or not a dbsurveyor file, or DIR in use"})
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "The collection or change document.")
    Path input;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", required = true, description = "Where to write the report.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html (default) or markdown.")
    String format = "html";

    @Option(names = "--force", description = "Replace an earlier report in DIR.")
    boolean force;

    @Mixin
    DecryptionOptions decryption;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Reports.Written written;
        try (Secrets secrets = new Secrets(Environment.system()); Decryption keys = decryption.keys(secrets)) {
            written = Reports.write(input, keys, output, format(), force, Clock.systemUTC());
        }
        if (!quiet) {
            spec.commandLine().getOut().printf("wrote the report of %d database(s)%s to %s%n", written.databases(),
                    written.changes() ? " that differ" : "", written.entry());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private ReportFormat format() {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "html" -> ReportFormat.HTML;
            case "markdown", "md" -> ReportFormat.MARKDOWN;
            default -> throw new dev.dbsurveyor.config.ConfigurationException("--format: unknown format '" + format + "' (html or markdown)");
        };
    }
}
