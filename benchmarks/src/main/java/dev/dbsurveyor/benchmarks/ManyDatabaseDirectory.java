package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DatabaseFileNames;
import dev.dbsurveyor.output.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-database directories of many databases made from one real one: a PostgreSQL database of
 * {@code tables} tables (a primary key, a foreign key to the table before, an index each) is
 * created, collected once through the packaged command as a one-database sweep, so that its
 * manifest is real too, and dropped; its document is then written under any number of names
 * ({@code db00000}, {@code db00001}, …) with a manifest listing them.
 */
final class ManyDatabaseDirectory {

    private final ObjectNode document;
    private final ObjectNode manifest;
    private final long documentBytes;

    private ManyDatabaseDirectory(ObjectNode document, ObjectNode manifest, long documentBytes) {
        this.document = document;
        this.manifest = manifest;
        this.documentBytes = documentBytes;
    }

    /** Creates database {@code database} on the server of {@code url}, collects it into {@code work}, and drops it. */
    static ManyDatabaseDirectory collect(String url, String database, int tables, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        String admin = url.endsWith("/") ? url : url + "/";
        run("psql", admin + "postgres", "-qc", "DROP DATABASE IF EXISTS " + database);
        run("psql", admin + "postgres", "-qc", "CREATE DATABASE " + database);
        Path sweep = work.resolve("sweep");
        try {
            StringBuilder sql = new StringBuilder();
            for (int i = 1; i <= tables; i++) {
                sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent bigint")
                        .append(i > 1 ? " REFERENCES t" + (i - 1) + " (id)" : "")
                        .append(", label text NOT NULL, amount numeric(12,2), created timestamptz DEFAULT now(), note varchar(200));")
                        .append("CREATE INDEX ON t").append(i).append(" (label);");
            }
            run("psql", admin + database, "-qc", sql.toString());
            run("java", "-jar", "target/dbsurveyor.jar", "collect", admin + "postgres", "--all-databases", "--include", database,
                    "--output-dir", sweep.toString(), "--force", "-q");
        } finally {
            run("psql", admin + "postgres", "-qc", "DROP DATABASE IF EXISTS " + database);
        }
        Path base = work.resolve("base.json");
        Files.copy(sweep.resolve(DatabaseFileNames.fileName(database)), base, StandardCopyOption.REPLACE_EXISTING);
        return new ManyDatabaseDirectory((ObjectNode) ContractMapper.mapper().readTree(base.toFile()),
                (ObjectNode) ContractMapper.mapper().readTree(sweep.resolve("manifest.json").toFile()), Files.size(base));
    }

    /** The name of the {@code index}-th database. */
    static String name(int index) {
        return String.format(Locale.ROOT, "db%05d", index);
    }

    /** The collecting sweep's {@code server_info}. */
    ObjectNode serverInfo() {
        return (ObjectNode) manifest.get("server_info");
    }

    /** The size of the collected document, in bytes. */
    long documentBytes() {
        return documentBytes;
    }

    /** {@code directory}, emptied first, holding databases {@code 0..databases-1}. */
    void write(Path directory, int databases) throws IOException {
        empty(directory);
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < databases; i++) {
            entries.add(write(directory, name(i), named(name(i))));
        }
        writeManifest(directory, entries);
    }

    /** {@code directory}, emptied first, holding the first {@code databases} of {@code source} as hard links to its files. */
    void link(Path directory, Path source, int databases) throws IOException {
        empty(directory);
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < databases; i++) {
            String file = DatabaseFileNames.fileName(name(i));
            Files.createLink(directory.resolve(file), source.resolve(file));
            entries.add(entry(name(i), file));
        }
        writeManifest(directory, entries);
    }

    /** A copy of the document under another name. */
    ObjectNode named(String name) {
        ObjectNode copy = document.deepCopy();
        ((ObjectNode) copy.get("database_info")).put("name", name);
        return copy;
    }

    /** Writes {@code document} as database {@code name}'s file in {@code directory}; returns its manifest entry. */
    ObjectNode write(Path directory, String name, ObjectNode document) throws IOException {
        String file = DatabaseFileNames.fileName(name);
        ContractMapper.mapper().writeValue(directory.resolve(file).toFile(), document);
        return entry(name, file);
    }

    /** The collecting sweep's manifest with {@code entries} as its databases, written into {@code directory}. */
    void writeManifest(Path directory, List<ObjectNode> entries) throws IOException {
        ObjectNode copy = manifest.deepCopy();
        ArrayNode array = copy.putArray("databases");
        entries.forEach(array::add);
        copy.putArray("filtered");
        ContractMapper.mapper().writeValue(directory.resolve("manifest.json").toFile(), copy);
    }

    private static ObjectNode entry(String name, String file) {
        ObjectNode entry = ContractMapper.mapper().createObjectNode();
        entry.put("name", name).put("file", file).put("status", "Success").put("collection_duration_ms", 10).put("object_failure_count", 0);
        return entry;
    }

    /** Deletes {@code directory} and everything in it, if it exists, and creates it empty. */
    static void empty(Path directory) throws IOException {
        FileTrees.delete(directory);
        Files.createDirectories(directory);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
    }
}
