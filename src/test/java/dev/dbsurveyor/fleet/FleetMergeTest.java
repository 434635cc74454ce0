package dev.dbsurveyor.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.FleetManifestFile;
import dev.dbsurveyor.testing.ContractSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Merging shards: what the merge is, and every set of shards it refuses before it writes anything. */
class FleetMergeTest {

    private static final FleetManifest.FleetInventory INVENTORY = new FleetManifest.FleetInventory(5, "a".repeat(64));

    @TempDir
    Path directory;

    private static FleetServerEntry server(String label, FleetServerStatus status) {
        boolean reached = status != FleetServerStatus.FAILED;
        return new FleetServerEntry(label, "postgresql", label + ".example.com", 5432, status, reached ? label : null,
                reached ? "manifest.json" : null, reached ? null : new FleetServerEntry.ServerError("Connection refused",
                dev.dbsurveyor.model.ErrorCategory.OTHER, true, 3), reached ? new FleetServerEntry.ServerCounts(2, 0, 0, 1) : null, 40);
    }

    private Path shard(String name, FleetManifest.FleetShard shard, FleetManifest.FleetInventory inventory, FleetServerEntry... servers)
            throws IOException {
        Path shardDirectory = Files.createDirectories(directory.resolve(name));
        for (FleetServerEntry server : servers) {
            if (server.directory() != null) {
                Path own = Files.createDirectories(shardDirectory.resolve(server.directory()));
                Files.writeString(own.resolve("manifest.json"), "{\"server\":\"" + server.label() + "\"}");
                Files.writeString(own.resolve("a.dbsurveyor.json"), "document of " + server.label());
            }
        }
        List<FleetServerEntry> entries = List.of(servers);
        FleetManifestFile.write(shardDirectory, OutputProtection.NONE, new FleetManifest("1.0", "test", Instant.parse("2026-12-01T10:00:00Z")
                .plusSeconds(name.length()), 1000, 16, shard, null, inventory, entries, FleetManifest.FleetTotals.of(entries)));
        return shardDirectory;
    }

    private List<Path> threeShards() throws IOException {
        return List.of(
                shard("s0", new FleetManifest.FleetShard(0, 3), INVENTORY, server("b", FleetServerStatus.SUCCESS), server("e", FleetServerStatus.FAILED)),
                shard("s1", new FleetManifest.FleetShard(1, 3), INVENTORY, server("a", FleetServerStatus.SUCCESS)),
                shard("s2", new FleetManifest.FleetShard(2, 3), INVENTORY, server("d", FleetServerStatus.PARTIAL), server("c", FleetServerStatus.SUCCESS)));
    }

    private FleetManifest merge(List<Path> shards, Path target) throws IOException {
        return FleetMerge.merge(shards, target, Decryption.none(), OutputProtection.NONE);
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.contains(".merging-")).toList();
        }
    }

    @Test
    void everyShardsServersAreCopiedAsTheyAreUnderOneFleetManifest() throws IOException {
        List<Path> shards = threeShards();
        Path target = directory.resolve("fleet");

        FleetManifest merged = merge(shards, target);

        assertThat(merged.shard()).isNull();
        assertThat(merged.mergedShards()).isEqualTo(3);
        assertThat(merged.servers()).extracting(FleetServerEntry::label).containsExactly("a", "b", "c", "d", "e");
        assertThat(merged.totals().servers()).isEqualTo(5);
        assertThat(merged.totals().serversFailed()).isEqualTo(1);
        assertThat(merged.totals().databasesCollected()).isEqualTo(8);
        assertThat(merged.startedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:02Z"));
        assertThat(merged.collectionDurationMs()).isEqualTo(1000);
        JsonNode written = ContractMapper.mapper().readTree(target.resolve("fleet.json").toFile());
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.FLEET, written)).isEmpty();
        assertThat(Files.readString(target.resolve("d").resolve("a.dbsurveyor.json"))).isEqualTo("document of d");
        assertThat(Files.readString(target.resolve("a").resolve("manifest.json"))).isEqualTo("{\"server\":\"a\"}");
        assertThat(target.resolve("e")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEmptyOutputDirectoryIsUsed() throws IOException {
        Path target = Files.createDirectories(directory.resolve("fleet"));

        merge(threeShards(), target);

        assertThat(target.resolve("fleet.json")).exists();
    }

    private void assertRefused(List<Path> shards, String message) throws IOException {
        Path target = directory.resolve("refused");
        assertThatThrownBy(() -> merge(shards, target)).isInstanceOf(ConfigurationException.class).hasMessageContaining(message);
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aMissingShardIsNamed() throws IOException {
        List<Path> shards = threeShards();
        assertRefused(List.of(shards.get(0), shards.get(2)), "shard 1/3 is missing");
    }

    @Test
    void aShardGivenTwiceIsRefused() throws IOException {
        List<Path> shards = threeShards();
        assertRefused(List.of(shards.get(0), shards.get(1), shards.get(1), shards.get(2)), "shard 1/3 is given twice");
    }

    @Test
    void shardsOfAnotherSplitOrInventoryAreRefused() throws IOException {
        List<Path> shards = new ArrayList<>(threeShards());
        Path otherCount = shard("t1", new FleetManifest.FleetShard(1, 4), INVENTORY, server("a", FleetServerStatus.SUCCESS));
        assertRefused(List.of(shards.get(0), otherCount, shards.get(2)), "share their count");
        Path otherInventory = shard("u1", new FleetManifest.FleetShard(1, 3), new FleetManifest.FleetInventory(5, "b".repeat(64)),
                server("a", FleetServerStatus.SUCCESS));
        assertRefused(List.of(shards.get(0), otherInventory, shards.get(2)), "different inventories");
    }

    @Test
    void aWholeFleetIsNoShard() throws IOException {
        Path whole = shard("whole", null, INVENTORY, server("a", FleetServerStatus.SUCCESS));
        assertRefused(List.of(whole), "not a shard");
    }

    @Test
    void anInterruptedShardIsRefusedUntilResumed() throws IOException {
        List<Path> shards = threeShards();
        Path interrupted = shard("i1", new FleetManifest.FleetShard(1, 3), INVENTORY, server("a", FleetServerStatus.INTERRUPTED));
        assertRefused(List.of(shards.get(0), interrupted, shards.get(2)), "collect --resume");
    }

    @Test
    void aServerInTwoShardsIsRefused() throws IOException {
        List<Path> shards = threeShards();
        Path overlapping = shard("o1", new FleetManifest.FleetShard(1, 3), INVENTORY, server("b", FleetServerStatus.SUCCESS));
        assertRefused(List.of(shards.get(0), overlapping, shards.get(2)), "server b is in two shards");
    }

    @Test
    void shardsThatDoNotAddUpToTheirInventoryAreRefused() throws IOException {
        List<Path> shards = threeShards();
        Path short1 = shard("short", new FleetManifest.FleetShard(1, 3), INVENTORY);
        assertRefused(List.of(shards.get(0), short1, shards.get(2)), "the shards list 4 servers, and their inventory 5");
    }

    @Test
    void aShardWhoseServerDirectoryIsGoneIsRefused() throws IOException {
        List<Path> shards = threeShards();
        dev.dbsurveyor.output.FileTrees.delete(shards.get(1).resolve("a"));
        assertRefused(shards, "lists server a in a, which is not there");
    }

    @Test
    void aNonEmptyOutputIsRefused() throws IOException {
        Path target = Files.createDirectories(directory.resolve("refused"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> merge(threeShards(), target)).isInstanceOf(ConfigurationException.class).hasMessageContaining("not empty");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("mine");
        assertThat(leftovers()).isEmpty();
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> root.relativize(file).toString()).sorted().toList();
        }
    }

    @Test
    void everyFileOfEveryServerIsCopiedByteForByte() throws IOException {
        List<Path> shards = threeShards();
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(shards.get(2).resolve("c").resolve("binary.dbsurveyor.json.zst"), binary);
        Files.createDirectories(shards.get(0).resolve("b").resolve("nested"));
        Files.writeString(shards.get(0).resolve("b").resolve("nested").resolve("deep.json"), "deep");
        Path target = directory.resolve("fleet");

        merge(shards, target);

        List<String> expected = new ArrayList<>(List.of("fleet.json"));
        for (Path shard : shards) {
            for (String file : tree(shard)) {
                if (!file.equals("fleet.json")) {
                    expected.add(file);
                    assertThat(Files.mismatch(shard.resolve(file), target.resolve(file))).as(file).isEqualTo(-1L);
                }
            }
        }
        assertThat(tree(target)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readAllBytes(target.resolve("c").resolve("binary.dbsurveyor.json.zst"))).isEqualTo(binary);
    }

    @Test
    void theMergedManifestSumsTheShardsAndReadsBackAsWritten() throws IOException {
        FleetServerEntry many = new FleetServerEntry("a", "mysql", "a.example.com", 3306, FleetServerStatus.PARTIAL, "a", "manifest.json", null,
                new FleetServerEntry.ServerCounts(7, 2, 3, 4), 10);
        FleetManifest.FleetInventory three = new FleetManifest.FleetInventory(3, "0123456789abcdef".repeat(4));
        List<Path> shards = List.of(
                shard("s0", new FleetManifest.FleetShard(0, 2), three, many, server("z", FleetServerStatus.FAILED)),
                shard("longer-s1", new FleetManifest.FleetShard(1, 2), three, server("m", FleetServerStatus.SUCCESS)));
        Path target = directory.resolve("fleet");

        FleetManifest merged = merge(shards, target);

        assertThat(merged.totals()).isEqualTo(new FleetManifest.FleetTotals(3, 1, 9, 2, 3, 5));
        assertThat(merged.inventory()).isEqualTo(three);
        assertThat(merged.startedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:02Z"));
        assertThat(merged.collectionDurationMs()).isEqualTo(8000);
        assertThat(merged.maxConcurrency()).isEqualTo(16);
        assertThat(merged.formatVersion()).isEqualTo(FleetManifestFile.FORMAT_VERSION);
        assertThat(merged.servers()).extracting(FleetServerEntry::label).containsExactly("a", "m", "z");
        assertThat(dev.dbsurveyor.io.CollectionReader.fleet(target, Decryption.none()).manifest()).isEqualTo(merged);
        JsonNode written = ContractMapper.mapper().readTree(target.resolve("fleet.json").toFile());
        assertThat(ContractSchemas.errors(ContractSchemas.Kind.FLEET, written)).isEmpty();
        assertThat(written.get("merged_shards").asInt()).isEqualTo(2);
        assertThat(written.get("shard").isNull()).isTrue();
    }

    @Test
    void aMergedFleetIsNoShardToMergeAgain() throws IOException {
        Path target = directory.resolve("fleet");
        merge(threeShards(), target);

        assertRefused(List.of(target), "is a whole fleet");
    }

    @Test
    void anOutputThatIsAFileIsRefusedAndKept() throws IOException {
        Path target = Files.writeString(directory.resolve("refused"), "mine");

        assertThatThrownBy(() -> merge(threeShards(), target)).isInstanceOf(ConfigurationException.class).hasMessageContaining("is a file");
        assertThat(Files.readString(target)).isEqualTo("mine");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDirectoryWithoutAFleetManifestIsRefusedNamingIt() throws IOException {
        List<Path> shards = threeShards();
        Path notAShard = Files.createDirectories(directory.resolve("plain"));

        assertRefused(List.of(shards.get(0), notAShard, shards.get(2)), "plain is not a fleet directory");
    }

    @Test
    void noShardsAreNothingToMerge() throws IOException {
        assertRefused(List.of(), "every shard");
    }

    @Test
    void everyMissingShardIsNamed() throws IOException {
        List<Path> shards = threeShards();

        assertRefused(List.of(shards.get(1)), "shards 0/3, 2/3 are missing");
    }

    @Test
    void shardsWrittenWithAnotherProtectionAreRefused() throws IOException {
        List<Path> shards = threeShards();

        Path target = directory.resolve("refused");
        assertThatThrownBy(() -> FleetMerge.merge(shards, target, Decryption.none(), OutputProtection.compressed(3)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("merge it with the options that wrote it");
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }
}
