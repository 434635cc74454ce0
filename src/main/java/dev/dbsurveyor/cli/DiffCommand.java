package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.diff.CollectionDiff;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.StoredCollection;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DiffKind;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.output.ChangeDocumentWriter;
import dev.dbsurveyor.output.OutputPaths;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.report.DiffMarkdown;
import dev.dbsurveyor.report.DiffText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code dbsurveyor diff}: what changed between two collections, with exit codes as diff(1)'s. */
@Command(mixinStandardHelpOptions = true, versionProvider = DbSurveyorCommand.Version.class, name = "diff",
        description = {"Show what changed between two collections: databases added, removed,",
                "newly failed or recovered, and objects added, removed and changed in each.",
                "OLD and NEW are each a document, a bundle or an --output-dir directory."},
        footerHeading = "%nExamples:%n",
        footer = {"  dbsurveyor diff yesterday/ today/",
                "  dbsurveyor diff before.json after/ --json changes.json",
                "  dbsurveyor diff old/ new/ --markdown comment.md --kind table,index",
                "",
                "Times, durations, sizes, row estimates and versions are not differences",
                "unless --include-volatile; sample rows are compared with --include-samples.",
                "What one side did not collect (a failed stage) is unknown, never removed.",
                "",
                "Exit codes (as diff(1), unlike the other commands):",
                "  0  no differences",
                "  1  differences",
                "  2  usage or input error: unreadable, invalid or not a dbsurveyor file"})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier collection.")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later collection.")
    Path next;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the change document (schemas/dbsurveyor-diff-v1.0.json).")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the changes as Markdown, for a pull-request comment.")
    Path markdown;

    @Option(names = "--force", description = "Replace FILEs that exist.")
    boolean force;

    @Option(names = "--include", paramLabel = "GLOB", description = "Compare only databases matching one of these globs (repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out databases matching any of these globs (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", split = ",",
            description = "Compare only these kinds (repeatable, or comma-separated): ${COMPLETION-CANDIDATES}.",
            completionCandidates = Kinds.class)
    List<String> kinds = new ArrayList<>();

    @Option(names = "--include-volatile", description = "Also compare times, durations, sizes, estimates and versions.")
    boolean includeVolatile;

    @Option(names = "--include-samples", description = "Also compare sample rows.")
    boolean includeSamples;

    @Mixin
    DecryptionOptions decryption;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing; only the exit code says.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        DiffOptions options = new DiffOptions(includeVolatile, includeSamples, kinds(), include, exclude);
        checkOutputs();
        try (Secrets secrets = new Secrets(Environment.system());
             Decryption keys = decryption.keys(secrets);
             StoredCollection before = CollectionReader.open(old, keys);
             StoredCollection after = CollectionReader.open(next, keys)) {
            return compare(CollectionDiff.of(before, after, options), options);
        }
    }

    private int compare(CollectionDiff diff, DiffOptions options) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (ChangeDocumentWriter document = json == null ? null : ChangeDocumentWriter.open(json, diff.oldInput(), diff.newInput(), options);
             DiffMarkdown comment = markdown == null ? null : DiffMarkdown.open(markdown, diff.oldInput(), diff.newInput())) {
            DiffSummary summary = diff.compare(database -> {
                try {
                    if (document != null) {
                        document.add(database);
                    }
                    if (comment != null) {
                        comment.add(database);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                print(out, database);
            });
            if (document != null) {
                document.finish(summary);
            }
            if (comment != null) {
                comment.finish(summary);
            }
            if (!quiet) {
                out.println(DiffText.summary(summary));
            }
            out.flush();
            return summary.differs() ? 1 : 0;
        } catch (UncheckedIOException e) {
            throw new ConfigurationException("cannot write the output: " + e.getCause().getMessage());
        }
    }

    private void print(PrintWriter out, DatabaseDiff database) {
        if (!quiet) {
            DiffText.lines(database).forEach(out::println);
        }
    }

    private void checkOutputs() {
        for (Path file : Arrays.asList(json, markdown)) {
            if (file != null) {
                OutputPaths.checkFile(file, force);
            }
        }
        if (json != null && json.equals(markdown)) {
            throw new ConfigurationException("--json and --markdown name the same file: " + json);
        }
    }

    /** The kinds selected by the words of {@code --kind}. */
    private List<DiffKind> kinds() {
        List<DiffKind> selected = new ArrayList<>();
        for (String word : kinds) {
            String wanted = word.trim().toLowerCase(Locale.ROOT);
            List<DiffKind> matching = Arrays.stream(DiffKind.values()).filter(kind -> kind.selector().equals(wanted)).toList();
            if (matching.isEmpty()) {
                throw new ConfigurationException("--kind: unknown kind '" + word + "' (one of: " + String.join(", ", new Kinds()) + ")");
            }
            selected.addAll(matching);
        }
        return selected;
    }

    /** The words {@code --kind} takes. */
    static final class Kinds extends ArrayList<String> {
        Kinds() {
            super(Arrays.stream(DiffKind.values()).map(DiffKind::selector).distinct().collect(Collectors.toList()));
        }
    }
}
