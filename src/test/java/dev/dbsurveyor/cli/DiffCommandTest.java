package dev.dbsurveyor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dbsurveyor diff} in-process: exit codes as diff(1)'s, one line on stderr for bad input, outputs that validate. */
class DiffCommandTest {

    @TempDir
    Path directory;

    private Path write(String name, Object document) throws Exception {
        return Files.writeString(directory.resolve(name), document instanceof String text ? text
                : ContractMapper.mapper().writeValueAsString(document));
    }

    private Path changed() throws Exception {
        ObjectNode json = ContractMapper.mapper().valueToTree(ContractFixtures.fullDocument());
        ((ObjectNode) json.at("/tables/0/columns/0")).put("comment", "changed | <b>`x`</b>");
        ((ObjectNode) json.at("/collection_metadata")).put("collection_duration_ms", 99_999);
        return write("new.json", json.toString());
    }

    @Test
    void theSameCollectionExitsZeroEvenWhenOnlyVolatileFieldsDiffer() throws Exception {
        Path old = write("old.json", ContractFixtures.fullDocument());
        ObjectNode json = ContractMapper.mapper().valueToTree(ContractFixtures.fullDocument());
        ((ObjectNode) json.at("/collection_metadata")).put("collection_duration_ms", 99_999).put("collected_at", "2030-01-01T00:00:00Z");
        ((ObjectNode) json.at("/database_info")).put("size_bytes", 1);
        Path next = write("next.json", json.toString());

        CommandRun run = CommandRun.of("diff", old.toString(), next.toString(), "--json", directory.resolve("d.json").toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("1 database(s) compared: 0 added").contains("1 unchanged");
        ContractSchemas.assertValidFile(directory.resolve("d.json"));
        assertThat(CommandRun.of("diff", old.toString(), next.toString(), "--include-volatile").exitCode()).isEqualTo(1);
    }

    @Test
    void differencesExitOneAndAreWrittenAsAValidChangeDocumentAndEscapedMarkdown() throws Exception {
        Path old = write("old.json", ContractFixtures.fullDocument());
        Path json = directory.resolve("changes.json");
        Path markdown = directory.resolve("changes.md");

        CommandRun run = CommandRun.of("diff", old.toString(), changed().toString(), "--json", json.toString(), "--markdown", markdown.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains(": changed: 0 added, 0 removed, 1 changed, 0 unknown").contains("comment: null -> changed");
        ContractSchemas.assertValidFile(json);
        String text = Files.readString(markdown);
        assertThat(text).startsWith("## dbsurveyor diff").contains("| ~ | column |").doesNotContain("<b>").contains("&lt;b&gt;")
                .contains("&#124;").contains("&#96;x&#96;");
    }

    @Test
    void badInputExitsTwoWithOneLineOnStandardError() throws Exception {
        Path old = write("old.json", ContractFixtures.fullDocument());
        Path notJson = write("broken.json", "{ not json");
        Path notOurs = write("other.json", "{\"name\": \"package.json\"}");
        Path invalid = write("invalid.json", "{\"format_version\": \"1.0\", \"database_info\": {\"name\": \"\"}}");
        Path exists = write("exists.json", "{}");

        for (String[] args : new String[][] {
                {"diff", old.toString(), directory.resolve("absent").toString()},
                {"diff", old.toString(), notJson.toString()},
                {"diff", notOurs.toString(), old.toString()},
                {"diff", old.toString(), invalid.toString()},
                {"diff", old.toString(), directory.toString()},
                {"diff", old.toString(), old.toString(), "--json", exists.toString()},
                {"diff", old.toString(), old.toString(), "--kind", "tabel"},
                {"diff", old.toString(), old.toString(), "--include", "bad\\"},
                {"diff", old.toString()}}) {
            CommandRun run = CommandRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.all()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.err()).singleElement().asString().startsWith("dbsurveyor: ");
            assertThat(run.out()).isEmpty();
        }
        assertThat(CommandRun.of("diff", old.toString(), notJson.toString()).err()).contains(notJson + " is not a dbsurveyor file");
        assertThat(CommandRun.of("diff", old.toString(), invalid.toString()).err()).contains(invalid + " is not a valid dbsurveyor document");
    }

    @Test
    void aDocumentAgainstABundleComparesTheDatabaseOfItsNameOnly() throws Exception {
        DatabaseSchema document = ContractFixtures.fullDocument();
        Path bundle = write("bundle.json", ContractFixtures.bundle());
        Path one = write("one.json", document);

        CommandRun run = CommandRun.of("diff", one.toString(), bundle.toString(), "--json", directory.resolve("d.json").toString());

        assertThat(run.exitCode()).as(run.all()).isLessThan(2);
        assertThat(run.out()).contains("1 database(s) compared");
        ContractSchemas.assertValidFile(directory.resolve("d.json"));
    }
}
