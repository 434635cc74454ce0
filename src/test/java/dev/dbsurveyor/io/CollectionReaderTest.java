package dev.dbsurveyor.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A directory reads only when it is a dbsurveyor output with a valid manifest; otherwise one sentence names the reason. */
class CollectionReaderTest {

    @TempDir
    Path directory;

    private Path writeManifest(Object manifest) throws IOException {
        Path file = directory.resolve("manifest.json");
        Files.writeString(file, manifest instanceof String text ? text : ContractMapper.mapper().writeValueAsString(manifest));
        return file;
    }

    @Test
    void aDirectoryWithAValidManifestReadsAndItsDocumentsReadOnDemand() throws Exception {
        writeManifest(ContractFixtures.manifest());
        DatabaseSchema document = ContractFixtures.fullDocument();
        Files.writeString(directory.resolve("inventory.dbsurveyor.json"), ContractSchemas.assertValid(document));
        ContractSchemas.assertValidFile(directory.resolve("manifest.json"));

        DirectoryCollection collection = CollectionReader.directory(directory);

        assertThat(collection.manifest()).isEqualTo(ContractFixtures.manifest());
        ManifestEntry inventory = collection.manifest().databases().get(0);
        ManifestEntry broken = collection.manifest().databases().get(1);
        assertThat(collection.hasFile(inventory)).isTrue();
        assertThat(collection.hasFile(broken)).isFalse();
        assertThat(collection.document(inventory)).isEqualTo(document);
        assertThatThrownBy(() -> collection.document(broken)).isInstanceOf(IOException.class);
    }

    @Test
    void whatIsNotADbsurveyorDirectoryIsAConfigurationErrorNamingWhy() throws Exception {
        assertThatThrownBy(() -> CollectionReader.directory(directory.resolve("absent")))
                .isInstanceOf(ConfigurationException.class).hasMessage("no such directory: " + directory.resolve("absent"));
        Path file = Files.writeString(directory.resolve("file.json"), "{}");
        assertThatThrownBy(() -> CollectionReader.directory(file)).hasMessage(file + " is not a directory");
        assertThatThrownBy(() -> CollectionReader.directory(directory))
                .hasMessage(directory + " is not a dbsurveyor output directory: it has no manifest.json");
    }

    @Test
    void aManifestThatIsNotJsonNotAManifestOrInvalidIsAConfigurationErrorNamingWhy() throws Exception {
        Path manifest = writeManifest("{ not json");
        assertThatThrownBy(() -> CollectionReader.directory(directory)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(manifest + " is not a valid dbsurveyor manifest: it is not JSON");

        writeManifest(ContractFixtures.fullDocument());
        assertThatThrownBy(() -> CollectionReader.directory(directory)).hasMessage(manifest + " is not a valid dbsurveyor manifest: it is not a manifest");

        writeManifest(ContractFixtures.bundle());
        assertThatThrownBy(() -> CollectionReader.directory(directory)).hasMessageEndingWith("it is not a manifest");

        ObjectNode escaping = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        ((ObjectNode) escaping.at("/databases/0")).put("file", "../elsewhere.json");
        ((ObjectNode) escaping.at("/databases/1")).put("collection_duration_ms", -1);
        writeManifest(escaping.toString());
        assertThatThrownBy(() -> CollectionReader.directory(directory)).hasMessageContaining("/databases/0/file").hasMessageEndingWith("(and 1 more)");

        ObjectNode twice = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        ((ArrayNode) twice.get("databases")).add(twice.at("/databases/0").deepCopy());
        writeManifest(twice.toString());
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.MANIFEST, twice)).as("the schema cannot say it").isEmpty();
        assertThatThrownBy(() -> CollectionReader.directory(directory))
                .hasMessage(manifest + " is not a valid dbsurveyor manifest: databases lists inventory twice");

        ObjectNode otherVersion = ContractMapper.mapper().valueToTree(ContractFixtures.manifest());
        otherVersion.put("format_version", "2.0");
        writeManifest(otherVersion.toString());
        assertThatThrownBy(() -> CollectionReader.directory(directory)).hasMessageContaining("/format_version");
    }

    @Test
    void aBundleIsIndexedAndEachDatabaseReadOnItsOwnInNameOrder() throws Exception {
        Path bundle = directory.resolve("server.json");
        Files.writeString(bundle, ContractSchemas.assertValid(ContractFixtures.bundle()));

        StoredCollection collection = CollectionReader.open(bundle);

        assertThat(collection).isInstanceOf(BundleCollection.class);
        assertThat(collection.names()).containsExactly("broken", "inventory", "locked", "locked_out");
        assertThat(collection.read("inventory")).isEqualTo(new StoredDatabase.Collected("inventory", ContractFixtures.fullDocument()));
        assertThat(collection.read("broken")).isEqualTo(new StoredDatabase.NotCollected("broken",
                new dev.dbsurveyor.model.CollectionStatus.Failed("connection refused")));
        assertThat(collection.read("locked_out")).isInstanceOf(StoredDatabase.NotCollected.class);
    }

    @Test
    void aDocumentADirectoryAndItsManifestOpenAsTheCollectionsTheyAre() throws Exception {
        Path manifest = writeManifest(ContractFixtures.manifest());
        Path document = Files.writeString(directory.resolve("inventory.dbsurveyor.json"), ContractSchemas.assertValid(ContractFixtures.fullDocument()));

        assertThat(CollectionReader.open(document)).isEqualTo(new DocumentCollection(document, ContractFixtures.fullDocument()));
        assertThat(CollectionReader.open(directory).names()).containsExactly("broken", "inventory", "no access");
        assertThat(CollectionReader.open(manifest).names()).containsExactly("broken", "inventory", "no access");
        assertThat(CollectionReader.open(directory).read("inventory")).isInstanceOf(StoredDatabase.Collected.class);
        assertThat(CollectionReader.open(directory).read("no access")).isInstanceOf(StoredDatabase.NotCollected.class);
    }

    @Test
    void whatIsNotADbsurveyorFileIsAConfigurationErrorNamingWhy() throws Exception {
        Path notOurs = Files.writeString(directory.resolve("package.json"), "{\"name\": \"x\"}");
        Path array = Files.writeString(directory.resolve("array.json"), "[1, 2]");
        Path truncated = Files.writeString(directory.resolve("cut.json"), "{\"database_info\": {");

        assertThatThrownBy(() -> CollectionReader.open(notOurs)).isInstanceOf(ConfigurationException.class)
                .hasMessage(notOurs + " is not a dbsurveyor file: it is no document, bundle or manifest");
        assertThatThrownBy(() -> CollectionReader.open(array)).hasMessage(array + " is not a dbsurveyor file: it is not a JSON object");
        assertThatThrownBy(() -> CollectionReader.open(truncated)).hasMessageStartingWith(truncated + " is not a dbsurveyor file");
        assertThatThrownBy(() -> CollectionReader.open(directory.resolve("absent.json")))
                .hasMessage("no such file or directory: " + directory.resolve("absent.json"));
    }
}
