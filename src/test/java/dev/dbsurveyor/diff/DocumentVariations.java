package dev.dbsurveyor.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.output.ContractMapper;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Documents made by varying real collected ones (a PostgreSQL and a MariaDB database of every
 * object kind, with samples) and the contract's fixture: up to a dozen edits, each drawn from a
 * seed QuickTheories generates, so a failing case reruns from its seed. Edits remove, add and
 * alter objects, touch volatile fields and add object failures.
 */
final class DocumentVariations {

    private static final List<ObjectNode> BASES = List.of(read("/diff/postgres-every-object-kind.json"),
            read("/diff/mariadb-every-object-kind.json"), ContractMapper.mapper().valueToTree(ContractFixtures.fullDocument()));

    private static final List<BiConsumer<ObjectNode, Random>> EDITS = List.of(
            (doc, random) -> removeOne(doc.withArray("tables"), random, 1),
            (doc, random) -> table(doc, random).ifPresent(table -> removeOne(table.withArray("columns"), random, 1)),
            (doc, random) -> column(doc, random).ifPresent(column -> column.put("is_nullable", !column.path("is_nullable").asBoolean())),
            (doc, random) -> column(doc, random).ifPresent(column -> column.put("comment", "c" + random.nextInt(3))),
            (doc, random) -> column(doc, random).ifPresent(column -> column.put("ordinal_position", 1 + random.nextInt(5))),
            (doc, random) -> table(doc, random).ifPresent(table -> table.put("comment", "t" + random.nextInt(3))),
            (doc, random) -> table(doc, random).ifPresent(table -> table.put("row_count", random.nextInt(100))),
            (doc, random) -> pick(doc.withArray("views"), random).ifPresent(view -> view.put("definition", "SELECT " + random.nextInt(3))),
            (doc, random) -> removeOne(doc.withArray("views"), random, 0),
            (doc, random) -> removeOne(doc.withArray("indexes"), random, 0),
            (doc, random) -> pick(doc.withArray("indexes"), random).ifPresent(index -> index.put("is_unique", !index.path("is_unique").asBoolean())),
            (doc, random) -> removeOne(doc.withArray("constraints"), random, 0),
            (doc, random) -> removeOne(doc.withArray("functions"), random, 0),
            (doc, random) -> pick(doc.withArray("procedures"), random).ifPresent(routine -> routine.put("definition", "BEGIN " + random.nextInt(3))),
            (doc, random) -> removeOne(doc.withArray("triggers"), random, 0),
            (doc, random) -> pick(doc.withArray("custom_types"), random).filter(type -> type.path("enum_labels").size() > 0)
                    .ifPresent(type -> type.withArray("enum_labels").add("label" + random.nextInt(3))),
            (doc, random) -> removeOne(doc.withArray("events"), random, 0),
            (doc, random) -> {
                if (doc.path("samples").isArray()) {
                    pick(doc.withArray("samples"), random).ifPresent(sample -> sample.withArray("rows").removeAll());
                }
            },
            (doc, random) -> ((ObjectNode) doc.get("database_info")).put("owner", "owner" + random.nextInt(3)),
            (doc, random) -> ((ObjectNode) doc.get("database_info")).put("size_bytes", random.nextInt(1000)),
            (doc, random) -> ((ObjectNode) doc.get("collection_metadata")).put("collection_duration_ms", random.nextInt(1000)),
            (doc, random) -> failure(doc, random));

    private static final String[][] STAGES = {{"Table", "CollectColumns"}, {"Constraint", "CollectConstraints"}, {"Index", "CollectIndexes"},
            {"View", "CollectViews"}, {"Function", "CollectRoutines"}, {"Trigger", "CollectTriggers"}, {"CustomType", "Other"},
            {"Table", "SampleData"}};

    private DocumentVariations() {
    }

    /** A real document with up to a dozen edits. */
    static Gen<DatabaseSchema> documents() {
        return SourceDSL.longs().all().map((Long seed) -> variation(seed));
    }

    /** Two edits of the same real document. */
    static Gen<List<DatabaseSchema>> pairs() {
        return SourceDSL.integers().between(0, BASES.size() - 1).zip(SourceDSL.longs().all(), SourceDSL.longs().all(),
                (base, one, other) -> List.of(variation(base, one), variation(base, other)));
    }

    static DatabaseSchema variation(long seed) {
        return variation(Math.floorMod(seed, BASES.size()), seed);
    }

    /** The document {@code base} with the edits {@code seed} draws. */
    static DatabaseSchema variation(int base, long seed) {
        Random random = new Random(seed);
        ObjectNode document = BASES.get(base).deepCopy();
        int edits = random.nextInt(13);
        for (int i = 0; i < edits; i++) {
            EDITS.get(random.nextInt(EDITS.size())).accept(document, random);
        }
        try {
            return ContractMapper.mapper().treeToValue(document, DatabaseSchema.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failure of a whole stage, or of one table by name. */
    private static void failure(ObjectNode document, Random random) {
        String[] stage = STAGES[random.nextInt(STAGES.length)];
        ObjectNode failure = ((ObjectNode) document.get("collection_metadata")).withArray("object_failures").addObject();
        failure.put("object_type", stage[0]);
        failure.put("object_name", "*");
        failure.putNull("schema_name");
        table(document, random).filter(table -> random.nextBoolean() && stage[0].equals("Table")).ifPresent(table -> {
            failure.put("object_name", table.get("name").asText());
            failure.set("schema_name", table.get("schema"));
        });
        failure.put("stage", stage[1]);
        failure.put("error_category", "Permission");
        failure.put("error_message", "denied");
        failure.put("retry_attempts", 0);
        failure.putNull("final_backoff_ms");
    }

    private static java.util.Optional<ObjectNode> table(ObjectNode document, Random random) {
        return pick(document.withArray("tables"), random);
    }

    private static java.util.Optional<ObjectNode> column(ObjectNode document, Random random) {
        return table(document, random).flatMap(table -> pick(table.withArray("columns"), random));
    }

    private static java.util.Optional<ObjectNode> pick(ArrayNode array, Random random) {
        return array.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of((ObjectNode) array.get(random.nextInt(array.size())));
    }

    /** Removes one element, keeping at least {@code keep}. */
    private static void removeOne(ArrayNode array, Random random, int keep) {
        if (array.size() > keep) {
            array.remove(random.nextInt(array.size()));
        }
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = DocumentVariations.class.getResourceAsStream(resource)) {
            JsonNode json = ContractMapper.mapper().readTree(in);
            return (ObjectNode) json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
