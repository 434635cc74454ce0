package dev.dbsurveyor.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dbsurveyor.config.Environment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes Job and the GitHub Actions workflow that docs/FLEET.md ships are valid YAML of
 * the shape their schedulers run: one shard per pod or matrix entry, counted alike everywhere,
 * passwords only from secrets, and an inventory this release reads.
 */
class FleetExamplesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path EXAMPLES = Path.of("docs", "examples");
    private static final Environment NO_ENVIRONMENT = new Environment(Map.of(), Path.of("/nonexistent"));

    @Test
    void theKubernetesJobIsAnIndexedJobWhosePodsTakeOneShardEach() throws IOException {
        List<JsonNode> documents = documents(EXAMPLES.resolve("fleet-job.yaml"));
        assertThat(documents).extracting(document -> document.path("kind").asText()).containsExactlyInAnyOrder("ConfigMap", "Job");
        JsonNode job = ofKind(documents, "Job");
        JsonNode configMap = ofKind(documents, "ConfigMap");

        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(configMap.path("apiVersion").asText()).isEqualTo("v1");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        int shards = spec.path("completions").asInt();
        assertThat(shards).isGreaterThan(1);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(shards);
        assertThat(spec.path("backoffLimit").isInt()).as("backoffLimit").isTrue();

        JsonNode pod = spec.path("template").path("spec");
        assertThat(pod.path("restartPolicy").asText()).isIn("Never", "OnFailure");
        assertThat(pod.path("containers")).hasSize(1);
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/example/dbsurveyor:latest");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as("runAsNonRoot").isTrue();
        assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as("readOnlyRootFilesystem").isTrue();

        List<String> args = texts(container.path("args"));
        assertThat(args).first().isEqualTo("collect");
        assertThat(valueOf(args, "--shard")).isEqualTo("$(JOB_COMPLETION_INDEX)/" + shards);
        assertThat(valueOf(args, "--output-dir")).contains("$(JOB_COMPLETION_INDEX)");
        assertThat(args).doesNotContain("--output", "-o", "--fail-fast", "--all-databases", "--password-prompt");

        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        assertThat(env).containsKey("JOB_COMPLETION_INDEX");
        assertThat(env.get("JOB_COMPLETION_INDEX").path("valueFrom").path("fieldRef").path("fieldPath").asText())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        env.forEach((name, variable) -> {
            assertThat(variable.has("value")).as(name + " holds a literal value").isFalse();
            if (!name.equals("JOB_COMPLETION_INDEX")) {
                JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                assertThat(secret.path("name").asText()).as(name + " comes from a Secret").isNotEmpty();
                assertThat(secret.path("key").asText()).as(name + "'s key in its Secret").isNotEmpty();
            }
        });

        // The inventory is the ConfigMap's, mounted where --inventory reads it.
        String inventoryPath = valueOf(args, "--inventory");
        JsonNode mount = mountOf(container, inventoryPath);
        JsonNode volume = volume(pod, mount.path("name").asText());
        assertThat(volume.path("configMap").path("name").asText()).isEqualTo(configMap.path("metadata").path("name").asText());
        String key = Path.of(mount.path("mountPath").asText()).relativize(Path.of(inventoryPath)).toString();
        JsonNode text = configMap.path("data").path(key);
        assertThat(text.isTextual()).as("the ConfigMap holds " + key).isTrue();

        JsonNode listed = YAML.readTree(text.asText()).path("servers");
        assertThat(listed.isArray() && !listed.isEmpty()).as("the inventory lists servers").isTrue();
        Inventory inventory = InventoryFile.yaml(text.asText(), key, Path.of("."), NO_ENVIRONMENT);
        assertThat(inventory.servers()).hasSize(listed.size());
        assertThat(env.keySet()).as("every server's password variable is declared")
                .containsAll(inventory.servers().stream().map(InventoryEntry::passwordVariable).toList());
        assertThat(env.keySet().stream().filter(name -> name.startsWith(InventoryEntry.PASSWORD_VARIABLE_PREFIX)).toList())
                .as("no password variable of a server the inventory does not list")
                .containsExactlyInAnyOrderElementsOf(inventory.servers().stream().map(InventoryEntry::passwordVariable).toList());
        assertThat(inventory.servers()).allSatisfy(server -> assertThat(server.options().passwordFile()).isEmpty());
        // A shard without a server exits 1, which the Job would count as a failed pod.
        Set<Integer> held = inventory.servers().stream().map(server -> Shard.of(server.label(), shards)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(held).as("every shard holds a server").isEqualTo(IntStream.range(0, shards).boxed().collect(Collectors.toSet()));

        String output = valueOf(args, "--output-dir");
        JsonNode outputVolume = volume(pod, mountOf(container, output).path("name").asText());
        assertThat(outputVolume.path("persistentVolumeClaim").path("claimName").asText()).as("the output is a claim").isNotEmpty();
    }

    @Test
    void theWorkflowCollectsEveryShardInAMatrixAndMergesThemAll() throws IOException {
        List<JsonNode> documents = documents(EXAMPLES.resolve("fleet-workflow.yml"));
        assertThat(documents).hasSize(1);
        JsonNode workflow = documents.get(0);
        assertThat(workflow.has("on")).as("on").isTrue();
        assertThat(workflow.path("jobs").isObject()).as("jobs").isTrue();

        JsonNode collect = workflow.path("jobs").path("collect");
        List<Integer> matrix = new ArrayList<>();
        collect.path("strategy").path("matrix").path("shard").forEach(shard -> {
            assertThat(shard.isInt()).as("shard " + shard).isTrue();
            matrix.add(shard.asInt());
        });
        int shards = matrix.size();
        assertThat(shards).isGreaterThan(1);
        assertThat(matrix).isEqualTo(IntStream.range(0, shards).boxed().toList());
        assertThat(collect.path("strategy").path("fail-fast").isBoolean()).isTrue();
        assertThat(collect.path("strategy").path("fail-fast").asBoolean()).isFalse();

        List<String> collects = lines(collect.path("steps")).stream().filter(line -> line.contains(" collect ")).toList();
        assertThat(collects).isNotEmpty().allSatisfy(line -> assertThat(line)
                .contains("--inventory ")
                .contains("--output-dir shard-${{ matrix.shard }}")
                .contains("--shard ${{ matrix.shard }}/" + shards));
        assertThat(collect.path("steps").findValues("uses").stream().map(JsonNode::asText).toList())
                .anySatisfy(uses -> assertThat(uses).startsWith("actions/upload-artifact@"));
        assertThat(collect.path("steps").findValues("name").stream().map(JsonNode::asText).toList()).contains("shard-${{ matrix.shard }}");
        for (JsonNode step : collect.path("steps")) {
            step.path("env").properties().forEach(variable -> {
                if (variable.getKey().startsWith(InventoryEntry.PASSWORD_VARIABLE_PREFIX)) {
                    assertThat(variable.getValue().asText()).as(variable.getKey()).matches("\\$\\{\\{ secrets\\.[A-Z0-9_]+ }}");
                }
            });
        }

        JsonNode merge = workflow.path("jobs").path("merge");
        JsonNode needs = merge.path("needs");
        assertThat(needs.isArray() ? texts(needs) : List.of(needs.asText())).containsExactly("collect");
        assertThat(merge.path("steps").findValues("uses").stream().map(JsonNode::asText).toList())
                .anySatisfy(uses -> assertThat(uses).startsWith("actions/download-artifact@"));
        List<String> merging = lines(merge.path("steps")).stream().filter(line -> line.contains(" merge ")).toList();
        assertThat(merging).hasSize(1);
        IntStream.range(0, shards).forEach(shard -> assertThat(merging.get(0)).contains(" shard-" + shard));
        assertThat(merging.get(0)).doesNotContain("shard-" + shards).contains("-o fleet");
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> read = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            read.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** The argument after {@code option}. */
    private static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        assertThat(at).as(option + " in " + args).isNotNegative().isLessThan(args.size() - 1);
        return args.get(at + 1);
    }

    /** The volume mount under which {@code path} lies. */
    private static JsonNode mountOf(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (Path.of(path).startsWith(Path.of(mount.path("mountPath").asText()))) {
                return mount;
            }
        }
        throw new AssertionError("no volume is mounted where " + path + " is");
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    /** Every line of every step's {@code run}, continuation lines joined. */
    private static List<String> lines(JsonNode steps) {
        List<String> lines = new ArrayList<>();
        for (JsonNode step : steps) {
            if (step.has("run")) {
                for (String line : step.path("run").asText().replace("\\\n", " ").split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
        }
        return lines;
    }
}
