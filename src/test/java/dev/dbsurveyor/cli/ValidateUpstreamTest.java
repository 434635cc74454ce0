package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.DirectoryWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dbsurveyor validate --upstream}, in-process: what it prints per file and its exit codes. */
class ValidateUpstreamTest {

    @TempDir
    Path directory;

    private Path out;
    private Path accepted;
    private Path refused;
    private Path manifest;

    @BeforeEach
    void writeADirectory() throws IOException {
        out = Files.createDirectory(directory.resolve("out"));
        manifest = write(out.resolve(DirectoryWriter.MANIFEST), ContractMapper.mapper().writeValueAsString(ContractFixtures.manifest()));
        accepted = write(out.resolve("broken.dbsurveyor.json"), ContractMapper.mapper()
                .writeValueAsString(ContractFixtures.stubDocument("broken", new CollectionStatus.Failed("connection refused"))));
        // Catalog text is kept as it is: a routine body can hold what upstream's credential scan refuses.
        refused = write(out.resolve("inventory.dbsurveyor.json"), ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument())
                .replace("\"SELECT 1\"", "\"SELECT value FROM settings WHERE setting_key=k\""));
    }

    @Test
    void everyFileIsValidSoWithoutUpstreamTheExitCodeIsZero() {
        CommandRun run = CommandRun.of("validate", out.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines()).containsExactly(manifest + ": valid", accepted + ": valid", refused + ": valid");
    }

    @Test
    void withUpstreamEachFileGetsAVerdictAndOneRefusedDocumentMakesTheExitCodeOne() {
        CommandRun run = CommandRun.of("validate", "--upstream", out.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(0, 5)).containsExactly(
                manifest + ": valid",
                manifest + ": a manifest, which upstream does not read (it holds no document)",
                accepted + ": valid",
                accepted + ": upstream would load it",
                refused + ": valid");
        assertThat(lines.get(5)).startsWith(refused + ": upstream would refuse: /functions/0/definition: ")
                .endsWith("[SELECT value FROM settings WHERE setting_key=k]");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void withUpstreamEveryAcceptedFileKeepsTheExitCodeZero() {
        CommandRun run = CommandRun.of("validate", "--upstream", manifest.toString(), accepted.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains(accepted + ": upstream would load it");
    }

    @Test
    void aScanHitShowsTheDocumentsOwnStringInBrackets() throws IOException {
        ObjectNode document = ContractMapper.mapper().valueToTree(ContractFixtures.stubDocument("shop", CollectionStatus.SUCCESS));
        document.withObjectProperty("database_info").put("owner", "api_key=abc");
        Path file = write(directory.resolve("shop.dbsurveyor.json"), document.toString());

        CommandRun run = CommandRun.of("validate", "--upstream", file.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(file + ": valid", file + ": upstream would refuse: /database_info/owner:"
                + " upstream's credential scan: the string contains \"key=\" (a secret pattern) [api_key=abc]");
    }

    @Test
    void aBundleIsJudgedByItsDocumentsAtTheirPointers() throws IOException {
        Path bundle = write(directory.resolve("server.json"), ContractMapper.mapper().writeValueAsString(ContractFixtures.bundle())
                .replace("\"SELECT 1\"", "\"SELECT value FROM settings WHERE setting_key=k\""));

        CommandRun run = CommandRun.of("validate", "--upstream", bundle.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains(bundle + ": upstream would refuse: /databases/0/schema/functions/0/definition: ");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedByBoth() throws IOException {
        Path broken = write(directory.resolve("broken.json"), "{\"format_version\": ");

        CommandRun run = CommandRun.of("validate", "--upstream", broken.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(broken + ": /: not readable JSON").contains(broken + ": upstream would refuse: /: not JSON");
    }

    @Test
    void oneUnreadablePathAmongSeveralIsExitCodeTwoBeforeAnythingIsPrinted() {
        CommandRun run = CommandRun.of("validate", "--upstream", accepted.toString(), directory.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no such file or directory");
    }

    @Test
    void theHelpShowsTheFlagExamplesAndExitCodesWithin80Columns() {
        CommandRun help = CommandRun.of("validate", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--upstream", "dbsurveyor validate --upstream out/", "Exit codes:",
                "upstream would refuse: POINTER: REASON [STRING]");
        assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
    }

    private static Path write(Path file, String json) throws IOException {
        return Files.writeString(file, json);
    }
}
