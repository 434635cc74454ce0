package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a per-database output directory holds, for comparing one state of it with another: the
 * checksum of every file, the manifest's entries, and each file with what differs from run to run
 * (times, durations, sizes, row estimates, the server's count of databases) left out.
 */
record DirectorySnapshot(Path directory) {

    /** Fields whose values differ between two runs over the same schemas. */
    private static final Set<String> VOLATILE = Set.of("collected_at", "collection_duration_ms", "size_bytes", "started_at",
            "total_duration_ms", "duration_stats", "last_attempt_at", "attempts", "total_databases", "row_count");

    /** SHA-256 of each file, by file name. */
    Map<String, String> checksums() {
        Map<String, String> sums = new TreeMap<>();
        for (Path file : files()) {
            try {
                sums.put(file.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            } catch (java.nio.file.NoSuchFileException renamedMeanwhile) {
                // A running command's temporary file, renamed into place between the listing and the read.
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sums;
    }

    JsonNode manifest() {
        return read(directory.resolve("manifest.json"));
    }

    /** The manifest's entries by database name. */
    Map<String, JsonNode> entries() {
        Map<String, JsonNode> entries = new TreeMap<>();
        manifest().get("databases").forEach(entry -> entries.put(entry.get("name").asText(), entry));
        return entries;
    }

    /** {@code "Success"}, or the variant of a status with details such as {@code "Skipped"}. */
    static String status(JsonNode entry) {
        JsonNode status = entry.get("status");
        return status.isTextual() ? status.asText() : status.fieldNames().next();
    }

    /** The names of the entries whose status is {@code status}. */
    Set<String> withStatus(String status) {
        Set<String> names = new java.util.TreeSet<>();
        entries().forEach((name, entry) -> {
            if (status(entry).equals(status)) {
                names.add(name);
            }
        });
        return names;
    }

    /** The file of a database's entry, read. */
    JsonNode document(String database) {
        return read(directory.resolve(entries().get(database).get("file").asText()));
    }

    /** Every file valid against its schema, and no temporary file left. */
    void assertEveryFileValid() {
        for (Path file : files()) {
            assertThat(file.getFileName().toString()).as("no temporary file is left").doesNotEndWith(".tmp");
            ContractSchemas.assertValidFile(file);
        }
    }

    /**
     * Each database's document and entry, with the fields that differ from run to run left out;
     * the manifest's own figures (counts of what is not filtered, filters, warnings) under {@code "manifest"}.
     */
    Map<String, JsonNode> comparable() {
        Map<String, JsonNode> comparable = new TreeMap<>();
        entries().forEach((name, entry) -> {
            comparable.put(name + " entry", withoutVolatile(entry));
            comparable.put(name + " document", withoutVolatile(document(name)));
        });
        ObjectNode metadata = (ObjectNode) withoutVolatile(manifest().get("collection_metadata"));
        // Other tests create and drop databases on the same server: what is filtered out differs.
        metadata.remove(List.of("databases_discovered", "databases_filtered"));
        ObjectNode figures = ContractMapper.mapper().createObjectNode();
        figures.set("collection_metadata", metadata);
        figures.set("filters", manifest().get("filters"));
        figures.set("server_info", withoutVolatile(manifest().get("server_info")));
        comparable.put("manifest", figures);
        return comparable;
    }

    private static JsonNode withoutVolatile(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VOLATILE);
        }
        node.forEach(DirectorySnapshot::strip);
    }

    private List<Path> files() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return ContractMapper.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
