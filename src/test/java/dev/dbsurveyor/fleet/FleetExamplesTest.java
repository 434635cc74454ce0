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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes Job and the GitHub Actions workflow that docs/FLEET.md ships: valid YAML of the shape their schedulers run. */
class FleetExamplesTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path EXAMPLES = Path.of("docs", "examples");

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> read = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            read.forEachRemaining(documents::add);
        }
        return documents;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void theKubernetesJobIsAnIndexedJobWhosePodsTakeOneShardEach() throws IOException {
        List<JsonNode> documents = documents(EXAMPLES.resolve("fleet-job.yaml"));
        JsonNode configMap = documents.stream().filter(document -> document.path("kind").asText().equals("ConfigMap")).findFirst().orElseThrow();
        JsonNode job = documents.stream().filter(document -> document.path("kind").asText().equals("Job")).findFirst().orElseThrow();

        assertThat(job.path("apiVersion").asText()).isEqualTo("batch/v1");
        JsonNode spec = job.path("spec");
        assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
        int shards = spec.path("completions").asInt();
        assertThat(shards).isGreaterThan(1);
        assertThat(spec.path("parallelism").asInt()).isEqualTo(shards);
        assertThat(spec.path("template").path("spec").path("restartPolicy").asText()).isEqualTo("Never");

        JsonNode container = spec.path("template").path("spec").path("containers").get(0);
        List<String> args = texts(container.path("args"));
        assertThat(args.get(0)).isEqualTo("collect");
        assertThat(args.get(args.indexOf("--shard") + 1)).isEqualTo("$(JOB_COMPLETION_INDEX)/" + shards);
        assertThat(args.get(args.indexOf("--output-dir") + 1)).contains("$(JOB_COMPLETION_INDEX)");
        String inventoryPath = args.get(args.indexOf("--inventory") + 1);

        List<String> variables = new ArrayList<>();
        for (JsonNode variable : container.path("env")) {
            variables.add(variable.path("name").asText());
            assertThat(variable.has("value")).as(variable.path("name").asText() + " is no literal").isFalse();
            if (variable.path("name").asText().equals("JOB_COMPLETION_INDEX")) {
                assertThat(variable.path("valueFrom").path("fieldRef").path("fieldPath").asText())
                        .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
            } else {
                assertThat(variable.path("valueFrom").has("secretKeyRef")).as(variable.path("name").asText()).isTrue();
            }
        }
        assertThat(variables).contains("JOB_COMPLETION_INDEX");

        String mountPath = container.path("volumeMounts").findValues("mountPath").stream().map(JsonNode::asText)
                .filter(inventoryPath::startsWith).findFirst().orElseThrow();
        String key = inventoryPath.substring(mountPath.length() + 1);
        Inventory inventory = InventoryFile.yaml(configMap.path("data").path(key).asText(), key, Path.of("."),
                new Environment(Map.of(), Path.of("/nonexistent")));
        assertThat(variables).containsAll(inventory.servers().stream().map(InventoryEntry::passwordVariable).toList());
    }

    @Test
    void theWorkflowCollectsEveryShardInAMatrixAndMergesThemAll() throws IOException {
        JsonNode workflow = documents(EXAMPLES.resolve("fleet-workflow.yml")).get(0);
        JsonNode collect = workflow.path("jobs").path("collect");
        List<Integer> matrix = new ArrayList<>();
        collect.path("strategy").path("matrix").path("shard").forEach(shard -> matrix.add(shard.asInt()));
        int shards = matrix.size();

        assertThat(workflow.has("on")).isTrue();
        assertThat(matrix).isEqualTo(IntStream.range(0, shards).boxed().toList());
        assertThat(collect.path("strategy").path("fail-fast").asBoolean(true)).isFalse();
        List<String> runs = collect.path("steps").findValues("run").stream().map(JsonNode::asText).toList();
        assertThat(runs).anySatisfy(run -> assertThat(run).contains("collect --inventory").contains("--shard ${{ matrix.shard }}/" + shards));

        JsonNode merge = workflow.path("jobs").path("merge");
        assertThat(texts(merge.path("needs")).isEmpty() ? List.of(merge.path("needs").asText()) : texts(merge.path("needs")))
                .containsExactly("collect");
        String merging = merge.path("steps").findValues("run").stream().map(JsonNode::asText).filter(run -> run.contains(" merge "))
                .findFirst().orElseThrow();
        IntStream.range(0, shards).forEach(shard -> assertThat(merging).contains("shard-" + shard));
    }
}
