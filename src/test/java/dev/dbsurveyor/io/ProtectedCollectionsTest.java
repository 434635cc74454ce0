package dev.dbsurveyor.io;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ErrorCategory;
import dev.dbsurveyor.model.MultiDatabaseMetadata;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.ServerType;
import dev.dbsurveyor.model.SweepFilters;
import dev.dbsurveyor.output.BundleWriter;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.PassphraseEncryption;
import dev.dbsurveyor.io.protection.ProtectedFiles;
import dev.dbsurveyor.sweep.DatabaseOutcome;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library's reader on protected collections: a compressed or encrypted bundle whose entries
 * are read in any order (from its spool, which nothing plain ever reaches and which closing
 * deletes), a directory whose every file is protected, and the refusals of a directory with two
 * manifests and of an unfinished bundle.
 */
class ProtectedCollectionsTest {

    private static final ServerInfo SERVER = ContractFixtures.serverInfo(ServerType.POSTGRESQL);
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");
    private static final String PASSPHRASE = "library passphrase";

    private static PassphraseEncryption encryption;
    private static Decryption keys;

    @TempDir
    Path directory;

    @BeforeAll
    static void derive() {
        encryption = PassphraseEncryption.derive(PASSPHRASE.toCharArray());
        keys = Decryption.withPassphrase(() -> Optional.of(PASSPHRASE.toCharArray()));
    }

    @AfterAll
    static void clear() {
        encryption.close();
        keys.close();
    }

    private static OutputProtection protection(String form) {
        return switch (form) {
            case "zst" -> OutputProtection.compressed(3);
            case "enc" -> new OutputProtection(0, encryption);
            default -> new OutputProtection(3, encryption);
        };
    }

    private static MultiDatabaseMetadata metadata() {
        return new MultiDatabaseMetadata(AT, 500, 0, 0, 0, 0, 0, 4, "0.1.0", List.of(), null);
    }

    private static List<String> names(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("db_%03d", i)).toList();
    }

    private static DatabaseSchema document(String name) {
        return DatabaseSchema.notCollected(name, CollectionStatus.SUCCESS, 12, AT, "0.1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zst", "enc", "zst.enc"})
    void aProtectedBundleIsReadInAnyOrderAndItsSpoolGoesWhenClosed(String form) throws IOException {
        List<String> written = new ArrayList<>(names(60));
        Collections.shuffle(written, new Random(11));
        Path file = directory.resolve("server.dbsurveyor.json." + form);
        BundleWriter writer = BundleWriter.open(file, SERVER, protection(form));
        for (String name : written) {
            writer.add(new DatabaseOutcome.Collected(document(name), Duration.ofMillis(5)));
        }
        writer.add(new DatabaseOutcome.Failed(new DatabaseFailure("db_zzz", "refused", ErrorCategory.OTHER, true, 1), Duration.ZERO));
        writer.finish(metadata());
        ContractSchemas.assertValidContent(new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8), file.toString());

        long spoolsBefore = spools();
        try (StoredCollection bundle = CollectionReader.open(file, keys)) {
            assertThat(bundle).isInstanceOf(BundleCollection.class);
            assertThat(bundle.names()).hasSize(61).contains("db_zzz");
            List<String> order = new ArrayList<>(bundle.names());
            Collections.shuffle(order, new Random(5));
            for (String name : order) {
                StoredDatabase database = bundle.read(name);
                assertThat(database.name()).isEqualTo(name);
            }
            assertThat(bundle.read("db_zzz")).isInstanceOf(StoredDatabase.NotCollected.class);
            assertThat(spools()).as("the spool is unlinked as soon as it is made").isEqualTo(spoolsBefore);
        }
    }

    @Test
    void aSpoolReadsFromAnyOffsetAndHoldsNoPlaintextOnDisk() throws IOException {
        Path file = directory.resolve("server.json.zst.enc");
        BundleWriter writer = BundleWriter.open(file, SERVER, protection("zst.enc"));
        writer.add(new DatabaseOutcome.Collected(document("very_secret_database_name"), Duration.ZERO));
        writer.finish(metadata());
        String plain = new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8);
        try (Spool spool = Spool.of(file, keys)) {
            for (int offset : new int[] {0, 1, 15, 16, 17, 100, plain.length() - 1, plain.length()}) {
                assertThat(new String(spool.from(offset).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.substring(offset));
            }
            byte[] onDisk = spoolOnDisk();
            assertThat(onDisk).hasSize(plain.length());
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("very_secret").doesNotContain("format_version");
        }
    }

    /** The spool's bytes as the disk holds them, through the process's open descriptor of the unlinked file (Linux). */
    private static byte[] spoolOnDisk() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    if (Files.readSymbolicLink(descriptor).toString().contains("dbsurveyor-spool-")) {
                        return Files.readAllBytes(descriptor);
                    }
                } catch (IOException gone) {
                    // A descriptor closed while the directory was listed.
                }
            }
        }
        throw new AssertionError("no open spool file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zst", "enc", "zst.enc"})
    void aProtectedDirectoryIsReadThroughItsManifest(String form) throws IOException {
        DirectoryWriter writer = new DirectoryWriter(directory, SERVER, "0.1.0", new SweepFilters(false, List.of(), List.of()), protection(form));
        for (String name : names(5)) {
            writer.add(new DatabaseOutcome.Collected(document(name), Duration.ofMillis(5)));
        }
        writer.finish(metadata());
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).hasSize(6).allMatch(name -> name.endsWith(".json." + form))
                    .contains("manifest.json." + form);
        }

        try (StoredCollection collection = CollectionReader.open(directory, keys)) {
            assertThat(collection.names()).isEqualTo(names(5));
            assertThat(collection.read("db_003").name()).isEqualTo("db_003");
        }
        try (StoredCollection viaManifest = CollectionReader.open(directory.resolve("manifest.json." + form), keys)) {
            assertThat(viaManifest.names()).hasSize(5);
        }
    }

    @Test
    void anEncryptedDirectoryWithoutKeysSaysWhatToGive() throws IOException {
        DirectoryWriter writer = new DirectoryWriter(directory, SERVER, "0.1.0", new SweepFilters(false, List.of(), List.of()), protection("enc"));
        writer.finish(metadata());
        assertThatThrownBy(() -> CollectionReader.open(directory))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(directory.resolve("manifest.json.enc") + ": it is encrypted with a passphrase: set DBSURVEYOR_ENCRYPTION_PASSWORD, "
                        + "or run on a terminal to be asked for it");
    }

    @Test
    void aDirectoryWithTwoManifestsIsRefused() throws IOException {
        new DirectoryWriter(directory, SERVER, "0.1.0", new SweepFilters(false, List.of(), List.of())).finish(metadata());
        new DirectoryWriter(directory, SERVER, "0.1.0", new SweepFilters(false, List.of(), List.of()), protection("zst")).finish(metadata());
        assertThatThrownBy(() -> CollectionReader.directory(directory))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("holds 2 manifests (manifest.json, manifest.json.zst)");
    }

    @Test
    void anAbortedProtectedBundleLeavesNothing() throws IOException {
        Path file = directory.resolve("server.json.zst.enc");
        Files.writeString(file, "what was there before");
        BundleWriter writer = BundleWriter.open(file, SERVER, protection("zst.enc"));
        writer.add(new DatabaseOutcome.Collected(document("a"), Duration.ZERO));
        writer.abort();
        assertThat(Files.readString(file)).isEqualTo("what was there before");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    private static long spools() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(path -> path.getFileName().toString().startsWith("dbsurveyor-spool-")).count();
        }
    }
}
