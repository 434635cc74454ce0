package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.StoredCollection;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.output.BundleWriter;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.output.FileTrees;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.NoEncryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.PassphraseEncryption;
import dev.dbsurveyor.io.protection.PublicKeyEncryption;
import dev.dbsurveyor.sweep.DatabaseOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run protected}: a bundle and a per-database directory of N databases (one real
 * collected 20-table document under N names) written through the library's writers as plain JSON,
 * zstd, zstd inside upstream's passphrase envelope, and zstd inside OpenPGP, then read back whole by
 * the library's reader. For each: the wall time and the size against plain JSON, and the live heap
 * after a forced GC at 40 points of the work for the first 1,000 and for N databases, which must
 * stay flat.
 */
final class ProtectedOutputBenchmark {

    private static final String PASSPHRASE = "benchmark passphrase";

    private final String url;
    private final int databases;
    private final int small;
    private final int tables;
    private final Path work;

    private ProtectedOutputBenchmark(String url, int databases, int small, int tables, Path work) {
        this.url = url;
        this.databases = databases;
        this.small = small;
        this.tables = tables;
        this.work = work;
    }

    static void main(String[] args) throws Exception {
        String url = "postgresql://postgres@127.0.0.1:5432";
        int databases = 10_000;
        int small = 1_000;
        int tables = 20;
        Path work = Path.of("benchmarks", "target", "protected");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--databases" -> databases = Integer.parseInt(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--tables-per-database" -> tables = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        new ProtectedOutputBenchmark(url, databases, small, tables, work).run(Path.of("benchmarks", "results"));
    }

    /** One protection, as the command line would ask for it. */
    private record Form(String label, String options) {
    }

    /** File work on one value. */
    @FunctionalInterface
    private interface FileStep<T> {
        void accept(T value) throws IOException;
    }

    /** Either writer, as the sweep drives it. */
    private record Sink(FileStep<DatabaseOutcome> add, FileStep<MultiDatabaseMetadata> finish) {
    }

    /** One write or read: its wall time, the bytes on disk, and the heap after GC (median and peak), zero when not sampled. */
    private record Measured(Duration wall, long bytes, long heapMedian, long heapPeak) {
    }

    private void run(Path results) throws Exception {
        ManyDatabaseDirectory many = ManyDatabaseDirectory.collect(url, "dbsurveyor_protected_bench", tables, work);
        ServerInfo server = ContractMapper.mapper().treeToValue(many.serverInfo(), ServerInfo.class);
        Path publicKey = gpgKey();
        List<Form> forms = List.of(new Form("plain JSON", ""), new Form("zstd", "--compress"),
                new Form("zstd + envelope", "--compress --encrypt"), new Form("zstd + OpenPGP", "--compress --encrypt-to KEY"));

        write(forms.get(0), true, work.resolve("warm-up"), small, server, many, publicKey, false);
        read(work.resolve("warm-up"), true, small, false);
        List<String> lines = new ArrayList<>();
        lines.add("# Protected output: " + String.format(Locale.ROOT, "%,d", databases) + " databases × " + tables + " tables");
        lines.add("");
        lines.add("One real " + tables + "-table PostgreSQL database collected once (" + many.documentBytes() / 1024
                + " KiB of JSON), its document written under " + String.format(Locale.ROOT, "%,d", databases)
                + " names through the library's writers (`BundleWriter`, `DirectoryWriter`), as `collect` writes a sweep (every object name under a database given a suffix of its own, so that "
                + "the databases are alike but not copies, as a fleet of tenant databases is), then read back "
                + "whole through `CollectionReader` (every database, in name order, as `diff` and `report` read). The envelope's key is "
                + "derived once per run (included in its time); OpenPGP encrypts to one Curve25519 key made by `gpg`. Plain JSON, in the "
                + "same run, is the baseline; a warm-up write and read of " + small + " databases come first. Machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), JDK "
                + System.getProperty("java.version") + ", -Xmx2g.");
        lines.add("");
        for (boolean bundle : List.of(true, false)) {
            lines.add("## " + (bundle ? "Bundle (one file)" : "Directory (one file per database and a manifest)"));
            lines.add("");
            lines.add("| form | write | vs plain | size | vs plain | read | vs plain | heap after GC, write, " + small + " → " + databases
                    + " (median) | heap after GC, read, " + small + " → " + databases + " (median) |");
            lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            Measured plainWrite = null;
            Measured plainRead = null;
            for (Form form : forms) {
                Path output = work.resolve(bundle ? "bundle" : "directory");
                Measured write = write(form, bundle, output, databases, server, many, publicKey, false);
                Measured read = read(output, bundle, databases, false);
                Measured smallWrite = write(form, bundle, output, small, server, many, publicKey, true);
                Measured smallRead = read(output, bundle, small, true);
                Measured largeWrite = write(form, bundle, output, databases, server, many, publicKey, true);
                Measured largeRead = read(output, bundle, databases, true);
                if (plainWrite == null) {
                    plainWrite = write;
                    plainRead = read;
                }
                lines.add("| " + form.label() + " (`" + (form.options().isEmpty() ? "—" : form.options()) + "`) | " + seconds(write.wall())
                        + " | " + ratio(write.wall().toNanos(), plainWrite.wall().toNanos()) + " | " + mib(write.bytes()) + " | "
                        + ratio(write.bytes(), plainWrite.bytes()) + " | " + seconds(read.wall()) + " | "
                        + ratio(read.wall().toNanos(), plainRead.wall().toNanos()) + " | " + mib(smallWrite.heapMedian()) + " → "
                        + mib(largeWrite.heapMedian()) + " | " + mib(smallRead.heapMedian()) + " → " + mib(largeRead.heapMedian()) + " |");
                System.out.println(lines.get(lines.size() - 1));
            }
            lines.add("");
        }
        lines.add("Times are of runs without the heap sampler; the heap columns come from separate runs that force a full GC at "
                + HeapAfterGc.SAMPLES + " points evenly spaced in the work (`HeapAfterGc`). Reading a protected bundle decodes it once "
                + "into an encrypted spool and then reads entries from it by offset; a protected directory's files are each decoded "
                + "and authenticated before they are parsed.");
        Files.createDirectories(results);
        Files.write(results.resolve("protected-output-" + databases + ".md"), lines);
        FileTrees.delete(work);
    }

    private Measured write(Form form, boolean bundle, Path output, int count, ServerInfo server, ManyDatabaseDirectory many, Path publicKey,
                           boolean sampled) throws Exception {
        FileTrees.delete(output);
        Files.createDirectories(output);
        HeapAfterGc heap = sampled ? new HeapAfterGc(count) : null;
        long started = System.nanoTime();
        try (OutputProtection protection = protection(form, publicKey)) {
            Sink writer = bundle ? sink(BundleWriter.open(output.resolve(protection.fileName("server.dbsurveyor.json")), server, protection))
                    : sink(new DirectoryWriter(output, server, "bench", new SweepFilters(false, List.of(), List.of()), protection));
            for (int i = 0; i < count; i++) {
                String name = ManyDatabaseDirectory.name(i);
                DatabaseSchema document = ContractMapper.mapper().treeToValue(varied(many.named(name), i), DatabaseSchema.class);
                writer.add().accept(new DatabaseOutcome.Collected(document, Duration.ofMillis(10)));
                if (heap != null) {
                    heap.databaseDone();
                }
            }
            writer.finish().accept(new MultiDatabaseMetadata(Instant.now(), 0, 0, 0, 0, 0, 0, 16, "bench", List.of(), null));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (heap != null) {
            heap.close();
        }
        return new Measured(wall, bytes(output), heap != null ? heap.medianBytes() : 0, heap != null ? heap.peakBytes() : 0);
    }

    /**
     * The document with every object name under it made its own ({@code t1} becomes {@code t1_3fa2c91e}),
     * so that zstd cannot find one database's document repeated whole in the next: the sizes are
     * those of a fleet of alike but not identical schemas, not of one schema copied.
     */
    private static ObjectNode varied(ObjectNode document, int database) {
        String name = document.get("database_info").get("name").asText();
        vary(document, database, new int[] {0});
        ((ObjectNode) document.get("database_info")).put("name", name);
        return document;
    }

    private static void vary(JsonNode node, int database, int[] counter) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(field -> {
                JsonNode value = object.get(field);
                if (field.equals("name") && value.isTextual()) {
                    object.put(field, value.asText() + "_" + Integer.toHexString(Objects.hash(database, counter[0]++) * 0x9E3779B9));
                } else {
                    vary(value, database, counter);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> vary(element, database, counter));
        }
    }

    private Measured read(Path output, boolean bundle, int count, boolean sampled) throws Exception {
        Path input = bundle ? single(output) : output;
        HeapAfterGc heap = sampled ? new HeapAfterGc(count) : null;
        long started = System.nanoTime();
        try (Decryption keys = Decryption.of(() -> Optional.of(PASSPHRASE.toCharArray()), List.of(work.resolve("team-secret.asc")),
                Optional::empty); StoredCollection collection = CollectionReader.open(input, keys)) {
            for (String name : collection.names()) {
                collection.read(name);
                if (heap != null) {
                    heap.databaseDone();
                }
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        if (heap != null) {
            heap.close();
        }
        return new Measured(wall, 0, heap != null ? heap.medianBytes() : 0, heap != null ? heap.peakBytes() : 0);
    }

    private static Sink sink(BundleWriter writer) {
        return new Sink(writer::add, writer::finish);
    }

    private static Sink sink(DirectoryWriter writer) {
        return new Sink(writer::add, writer::finish);
    }

    private static OutputProtection protection(Form form, Path publicKey) throws IOException {
        int level = form.options().contains("--compress") ? OutputProtection.DEFAULT_LEVEL : 0;
        if (form.options().contains("--encrypt-to")) {
            return new OutputProtection(level, PublicKeyEncryption.load(List.of(publicKey)));
        }
        if (form.options().contains("--encrypt")) {
            return new OutputProtection(level, PassphraseEncryption.derive(PASSPHRASE.toCharArray()));
        }
        return new OutputProtection(level, NoEncryption.INSTANCE);
    }

    /** A key pair made by gpg in a home of its own under the work directory; the public key's file. */
    private Path gpgKey() throws IOException, InterruptedException {
        Path home = work.resolve("gnupg");
        FileTrees.delete(home);
        Files.createDirectories(home);
        List<String> gpg = List.of("gpg", "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "");
        run(gpg, "--quick-gen-key", "benchmark <bench@example.invalid>", "future-default", "default", "never");
        run(gpg, "--armor", "--output", work.resolve("team.asc").toString(), "--export", "bench@example.invalid");
        run(gpg, "--armor", "--output", work.resolve("team-secret.asc").toString(), "--export-secret-keys", "bench@example.invalid");
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").inheritIO().start().waitFor();
        return work.resolve("team.asc");
    }

    private static void run(List<String> base, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(base);
        command.addAll(List.of(args));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
    }

    private static Path single(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
    }

    private static long bytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, bytes < 10 * 1024 * 1024 ? "%.2f MiB" : "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static String ratio(long value, long baseline) {
        return String.format(Locale.ROOT, "%.2f×", (double) value / baseline);
    }
}
