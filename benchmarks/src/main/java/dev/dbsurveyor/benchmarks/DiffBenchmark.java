package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.diff.CollectionDiff;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code benchmarks/run diff}: two per-database directories of N databases of 20 tables (one real
 * collected document written under N names, the NEW side with a few deliberate changes) compared
 * by the packaged command and by the library; then the live heap after GC of the library's
 * comparison of the first 1,000, 5,000 and N databases, which must stay flat.
 */
final class DiffBenchmark {

    private final String url;
    private final int databases;
    private final int tables;
    private final Path work;

    private DiffBenchmark(String url, int databases, int tables, Path work) {
        this.url = url;
        this.databases = databases;
        this.tables = tables;
        this.work = work;
    }

    static void main(String[] args) throws Exception {
        String url = "postgresql://postgres@127.0.0.1:5432";
        int databases = 10_000;
        int tables = 20;
        Path work = Path.of("benchmarks", "target", "diff");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        new DiffBenchmark(url, databases, tables, work).run(Path.of("benchmarks", "results"));
    }

    private void run(Path results) throws Exception {
        ManyDatabaseDirectory many = ManyDatabaseDirectory.collect(url, "dbsurveyor_diff_bench", tables, work);
        Path old = work.resolve("old");
        Path next = work.resolve("new");
        Changes changes = write(many, old, next);

        List<String> lines = new ArrayList<>();
        lines.add("# diff: two directories of " + String.format(Locale.ROOT, "%,d", databases) + " databases × " + tables + " tables");
        lines.add("");
        lines.add("One real " + tables + "-table PostgreSQL database collected once (" + many.documentBytes() / 1024
                + " KiB of JSON), written under " + String.format(Locale.ROOT, "%,d", databases) + " names into OLD and NEW; NEW has "
                + changes.describe() + ". Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), JDK "
                + System.getProperty("java.version") + ".");
        lines.add("");

        long start = System.nanoTime();
        Process process = new ProcessBuilder("java", "-Xmx512m", "-jar", "target/dbsurveyor.jar", "diff", old.toString(), next.toString(),
                "--json", work.resolve("changes.json").toString(), "--markdown", work.resolve("changes.md").toString(), "--force", "-q")
                .inheritIO().start();
        int exit = process.waitFor();
        Duration command = Duration.ofNanos(System.nanoTime() - start);
        lines.add("| run | wall | result |");
        lines.add("| --- | --- | --- |");
        lines.add("| `java -Xmx512m -jar target/dbsurveyor.jar diff OLD NEW --json … --markdown … -q` | " + seconds(command)
                + " | exit " + exit + ", " + Files.size(work.resolve("changes.json")) / 1024 + " KiB change document |");

        start = System.nanoTime();
        DiffSummary summary = CollectionDiff.of(CollectionReader.open(old), CollectionReader.open(next), DiffOptions.DEFAULTS)
                .compare(database -> { });
        Duration library = Duration.ofNanos(System.nanoTime() - start);
        lines.add("| library, `CollectionDiff.compare` (this JVM, -Xmx2g) | " + seconds(library) + " | " + String.format(Locale.ROOT,
                "%,d compared: %d added, %d removed, %d changed (%d objects), %,d unchanged", summary.databases(), summary.added(),
                summary.removed(), summary.changed(), summary.objects().total(), summary.unchanged()) + " |");
        lines.add("");
        lines.add("Heap in use after a forced full GC, sampled at " + HeapAfterGc.SAMPLES
                + " evenly spaced points of the library's comparison of the first N databases of both sides:");
        lines.add("");
        lines.add("| databases compared | wall (with forced GCs) | heap after GC, peak | median |");
        lines.add("| --- | --- | --- | --- |");
        for (int size : sizes()) {
            DiffOptions options = new DiffOptions(false, false, List.of(), firstNames(size), List.of());
            try (HeapAfterGc heap = new HeapAfterGc(size)) {
                long began = System.nanoTime();
                DiffSummary part = CollectionDiff.of(CollectionReader.open(old), CollectionReader.open(next), options)
                        .compare(database -> { }, compared -> heap.databaseDone());
                lines.add("| " + String.format(Locale.ROOT, "%,d", part.databases()) + " | "
                        + seconds(Duration.ofNanos(System.nanoTime() - began)) + " | " + mib(heap.peakBytes()) + " | "
                        + mib(heap.medianBytes()) + " |");
            }
        }
        Files.createDirectories(results);
        Path file = results.resolve("diff-" + databases + "x" + tables + ".md");
        Files.write(file, lines);
        lines.forEach(System.out::println);
    }

    /** Globs that select db00000 up to the {@code size}-th name (a multiple of 1,000), or every name. */
    private List<String> firstNames(int size) {
        if (size >= databases || size % 1000 != 0 || databases > 10_000) {
            return List.of();
        }
        List<String> globs = new ArrayList<>();
        for (int thousand = 0; thousand < size / 1000; thousand++) {
            globs.add("db0" + thousand + "[0-9][0-9][0-9]");
        }
        return globs;
    }

    private List<Integer> sizes() {
        return List.of(1_000, 5_000, databases).stream().filter(size -> size <= databases).distinct().toList();
    }

    /** What NEW changes: a column in every 100th database, every 1,000th removed, 10 added. */
    private record Changes(int changed, int removed, int added) {
        String describe() {
            return "a column changed in " + changed + " databases, " + removed + " databases removed and " + added + " added";
        }
    }

    private Changes write(ManyDatabaseDirectory many, Path old, Path next) throws IOException {
        List<ObjectNode> oldEntries = new ArrayList<>();
        List<ObjectNode> newEntries = new ArrayList<>();
        ManyDatabaseDirectory.empty(old);
        ManyDatabaseDirectory.empty(next);
        int changed = 0;
        int removed = 0;
        for (int i = 0; i < databases; i++) {
            String name = ManyDatabaseDirectory.name(i);
            ObjectNode copy = many.named(name);
            oldEntries.add(many.write(old, name, copy));
            if (i % 1000 == 3) {
                removed++;
                continue;
            }
            if (i % 100 == 7) {
                changed++;
                ObjectNode column = (ObjectNode) copy.at("/tables/0/columns/2");
                column.put("is_nullable", !column.get("is_nullable").asBoolean());
            }
            newEntries.add(many.write(next, name, copy));
        }
        for (int i = 0; i < 10; i++) {
            String name = String.format(Locale.ROOT, "dbnew%02d", i);
            newEntries.add(many.write(next, name, many.named(name)));
        }
        many.writeManifest(old, oldEntries);
        many.writeManifest(next, newEntries);
        return new Changes(changed, removed, 10);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
