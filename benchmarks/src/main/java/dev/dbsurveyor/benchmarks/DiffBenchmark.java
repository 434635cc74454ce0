package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.diff.CollectionDiff;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;

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
        ObjectNode document = collectOne();
        Path old = work.resolve("old");
        Path next = work.resolve("new");
        Changes changes = write(document, old, next);

        List<String> lines = new ArrayList<>();
        lines.add("# diff: two directories of " + String.format(Locale.ROOT, "%,d", databases) + " databases × " + tables + " tables");
        lines.add("");
        lines.add("One real " + tables + "-table PostgreSQL database collected once (" + Files.size(work.resolve("base.json")) / 1024
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

    /** Collects one database of {@code tables} tables through the packaged command, and returns its document. */
    private ObjectNode collectOne() throws Exception {
        Files.createDirectories(work);
        String name = "dbsurveyor_diff_bench";
        String admin = url.endsWith("/") ? url : url + "/";
        run("psql", admin + "postgres", "-qc", "DROP DATABASE IF EXISTS " + name);
        run("psql", admin + "postgres", "-qc", "CREATE DATABASE " + name);
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent bigint")
                    .append(i > 1 ? " REFERENCES t" + (i - 1) + " (id)" : "")
                    .append(", label text NOT NULL, amount numeric(12,2), created timestamptz DEFAULT now(), note varchar(200));")
                    .append("CREATE INDEX ON t").append(i).append(" (label);");
        }
        run("psql", admin + name, "-qc", sql.toString());
        Path sweep = work.resolve("sweep");
        run("java", "-jar", "target/dbsurveyor.jar", "collect", admin + "postgres", "--all-databases", "--include", name,
                "--output-dir", sweep.toString(), "--force", "-q");
        run("psql", admin + "postgres", "-qc", "DROP DATABASE " + name);
        Files.copy(sweep.resolve(DatabaseFileNames.fileName(name)), work.resolve("base.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return (ObjectNode) ContractMapper.mapper().readTree(work.resolve("base.json").toFile());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
    }

    /** What NEW changes: a column in every 100th database, every 1,000th removed, 10 added. */
    private record Changes(int changed, int removed, int added) {
        String describe() {
            return "a column changed in " + changed + " databases, " + removed + " databases removed and " + added + " added";
        }
    }

    private Changes write(ObjectNode document, Path old, Path next) throws IOException {
        ObjectNode manifest = manifest(document);
        List<ObjectNode> oldEntries = new ArrayList<>();
        List<ObjectNode> newEntries = new ArrayList<>();
        Files.createDirectories(old);
        Files.createDirectories(next);
        int changed = 0;
        int removed = 0;
        for (int i = 0; i < databases; i++) {
            String name = String.format(Locale.ROOT, "db%05d", i);
            ObjectNode copy = named(document, name);
            oldEntries.add(writeDocument(old, name, copy));
            if (i % 1000 == 3) {
                removed++;
                continue;
            }
            if (i % 100 == 7) {
                changed++;
                ObjectNode column = (ObjectNode) copy.at("/tables/0/columns/2");
                column.put("is_nullable", !column.get("is_nullable").asBoolean());
            }
            newEntries.add(writeDocument(next, name, copy));
        }
        for (int i = 0; i < 10; i++) {
            String name = String.format(Locale.ROOT, "dbnew%02d", i);
            newEntries.add(writeDocument(next, name, named(document, name)));
        }
        writeManifest(old, manifest, oldEntries);
        writeManifest(next, manifest, newEntries);
        return new Changes(changed, removed, 10);
    }

    private static ObjectNode named(ObjectNode document, String name) {
        ObjectNode copy = document.deepCopy();
        ((ObjectNode) copy.get("database_info")).put("name", name);
        return copy;
    }

    private static ObjectNode writeDocument(Path directory, String name, ObjectNode document) throws IOException {
        String file = DatabaseFileNames.fileName(name);
        ContractMapper.mapper().writeValue(directory.resolve(file).toFile(), document);
        ObjectNode entry = ContractMapper.mapper().createObjectNode();
        entry.put("name", name).put("file", file).put("status", "Success").put("collection_duration_ms", 10).put("object_failure_count", 0);
        return entry;
    }

    /** The manifest of the sweep that collected the document, to be given other entries. */
    private ObjectNode manifest(ObjectNode document) throws IOException {
        return (ObjectNode) ContractMapper.mapper().readTree(work.resolve("sweep").resolve("manifest.json").toFile());
    }

    private static void writeManifest(Path directory, ObjectNode manifest, List<ObjectNode> entries) throws IOException {
        ObjectNode copy = manifest.deepCopy();
        ArrayNode array = copy.putArray("databases");
        entries.forEach(array::add);
        copy.putArray("filtered");
        ContractMapper.mapper().writeValue(directory.resolve("manifest.json").toFile(), copy);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
