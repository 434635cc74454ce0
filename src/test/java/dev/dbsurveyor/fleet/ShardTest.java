package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shards: how they are written, and that every server is in exactly one, the same on every machine. */
class ShardTest {

    private static final List<String> LABELS = IntStream.range(0, 1000).mapToObj(i -> "server-" + i + ".example.com").toList();

    @Test
    void aShardIsWrittenIndexSlashCountFromZero() {
        assertThat(Shard.parse("0/3")).isEqualTo(new Shard(0, 3));
        assertThat(Shard.parse(" 2 / 3 ")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse("0/1").isWhole()).isTrue();
        assertThat(new Shard(1, 4)).hasToString("1/4");
    }

    @Test
    void malformedOrMissingShardsAreRefused() {
        for (String text : List.of("3/3", "-1/3", "0/0", "a/b", "1", "1/2/3", "", "0/10001")) {
            assertThatThrownBy(() -> Shard.parse(text)).as(text).isInstanceOf(ConfigurationException.class);
        }
    }

    @Test
    void everyServerIsInExactlyOneShard() {
        for (int count = 1; count <= 7; count++) {
            int shards = count;
            for (String label : LABELS) {
                assertThat(IntStream.range(0, shards).filter(index -> new Shard(index, shards).holds(label)).count()).as(label).isEqualTo(1);
            }
        }
    }

    @Test
    void aServersShardIsItsLabelsSha256ModuloTheCount() throws Exception {
        for (String label : List.of("sales-eu", "db.example.com-5432", "Ünïcode label")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            BigInteger first = new BigInteger(1, Arrays.copyOf(digest, 8));
            for (int count : List.of(2, 3, 7, 1000)) {
                assertThat(Shard.of(label, count)).as(label + " of " + count).isEqualTo(first.mod(BigInteger.valueOf(count)).intValue());
            }
        }
    }

    @Test
    void shardsAreOfAboutEqualSize() {
        int[] sizes = new int[4];
        LABELS.forEach(label -> sizes[Shard.of(label, 4)]++);

        assertThat(java.util.Arrays.stream(sizes).boxed().toList()).allSatisfy(size -> assertThat(size).isBetween(200, 300));
    }

    @Test
    void anInventoryGivesEachShardItsServersInOrder() {
        Inventory inventory = new Inventory(LABELS.subList(0, 20).stream()
                .map(label -> new InventoryEntry(label, "postgresql://a@" + label, label, ServerOptions.none())).toList());

        List<String> all = IntStream.range(0, 3).boxed().flatMap(index -> inventory.serversOf(new Shard(index, 3)).stream())
                .map(InventoryEntry::label).sorted().toList();
        assertThat(all).isEqualTo(LABELS.subList(0, 20).stream().sorted().toList());
        assertThat(inventory.serversOf(Shard.whole())).isEqualTo(inventory.servers());
    }

    @Test
    void aFleetSplitsIntoAtMostTenThousandShards() {
        assertThat(Shard.parse("9999/10000")).isEqualTo(new Shard(9999, Shard.MOST_SHARDS));
        assertThatThrownBy(() -> new Shard(0, Shard.MOST_SHARDS + 1)).isInstanceOf(ConfigurationException.class).hasMessageContaining("10000");
        assertThat(LABELS).allSatisfy(label -> assertThat(Shard.of(label, Shard.MOST_SHARDS)).isBetween(0, Shard.MOST_SHARDS - 1));
    }

    @Test
    void theWholeFleetHoldsEveryServer() {
        assertThat(LABELS).allSatisfy(label -> assertThat(Shard.whole().holds(label)).isTrue());
        assertThat(Shard.whole().isWhole()).isTrue();
        assertThat(new Shard(0, 2).isWhole()).isFalse();
    }
}
