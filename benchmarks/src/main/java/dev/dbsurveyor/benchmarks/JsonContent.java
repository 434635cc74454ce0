package dev.dbsurveyor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares the documents two contenders wrote, as parsed JSON: every {@code .json} file of one
 * directory against the file of the same name in the other, leaving out fields that change from
 * run to run whatever is collected ({@link #VOLATILE}, at any depth). The manifest's databases are
 * compared by name, since a sweep lists them in the order they finished.
 */
final class JsonContent {

    /** Times, durations and rates, the collector's version, and statistics that autovacuum moves. */
    static final Set<String> VOLATILE = Set.of("collected_at", "started_at", "last_attempt_at", "collection_duration_ms",
            "total_duration_ms", "duration_stats", "final_backoff_ms", "collector_version", "size_bytes", "row_count");

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonContent() {
    }

    /** Empty when both directories hold the same content, else where it first differs ({@code file#/json/pointer}). */
    static Optional<String> firstDifference(Path expected, Path actual) throws IOException {
        Set<String> names = new TreeSet<>(jsonFiles(expected));
        names.addAll(jsonFiles(actual));
        if (names.isEmpty()) {
            return Optional.of("no documents");
        }
        for (String name : names) {
            if (!Files.isRegularFile(expected.resolve(name)) || !Files.isRegularFile(actual.resolve(name))) {
                return Optional.of(name + " written by one only");
            }
            Optional<String> difference = difference(normalized(expected.resolve(name)), normalized(actual.resolve(name)), "");
            if (difference.isPresent()) {
                return Optional.of(name + "#" + (difference.get().isEmpty() ? "/" : difference.get()));
            }
        }
        return Optional.empty();
    }

    private static List<String> jsonFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).toList();
        }
    }

    private static JsonNode normalized(Path file) throws IOException {
        JsonNode document = JSON.readTree(file.toFile());
        strip(document);
        if (document.path("databases") instanceof ArrayNode databases) {
            List<JsonNode> sorted = new ArrayList<>();
            databases.forEach(sorted::add);
            sorted.sort(Comparator.comparing(database -> database.path("name").asText()));
            databases.removeAll();
            databases.addAll(sorted);
        }
        return document;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VOLATILE);
        }
        node.forEach(JsonContent::strip);
    }

    private static Optional<String> difference(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> fields = new TreeSet<>();
            expected.fieldNames().forEachRemaining(fields::add);
            actual.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                String child = pointer + "/" + field.replace("~", "~0").replace("/", "~1");
                if (!expected.has(field) || !actual.has(field)) {
                    return Optional.of(child);
                }
                Optional<String> inner = difference(expected.get(field), actual.get(field), child);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray() && actual.isArray()) {
            Iterator<JsonNode> left = expected.elements();
            Iterator<JsonNode> right = actual.elements();
            for (int i = 0; left.hasNext() || right.hasNext(); i++) {
                if (!left.hasNext() || !right.hasNext()) {
                    return Optional.of(pointer + "/" + i);
                }
                Optional<String> inner = difference(left.next(), right.next(), pointer + "/" + i);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        return expected.equals(actual) ? Optional.empty() : Optional.of(pointer);
    }
}
