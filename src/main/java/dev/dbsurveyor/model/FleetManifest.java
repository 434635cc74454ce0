package dev.dbsurveyor.model;

import java.time.Instant;
import java.util.List;

/**
 * The manifest of a fleet directory ({@value #FILE}, written last): every server of the run with
 * its status, counts and subdirectory, the shard the run took ({@code null} for a whole fleet,
 * or once shards are merged), the inventory it was cut from, and the fleet's totals.
 *
 * @param mergedShards how many shards {@code dbsurveyor merge} joined into this directory; {@code null} when it was not merged
 */
public record FleetManifest(
        String formatVersion,
        String collectorVersion,
        Instant startedAt,
        long collectionDurationMs,
        int maxConcurrency,
        FleetShard shard,
        Integer mergedShards,
        FleetInventory inventory,
        List<FleetServerEntry> servers,
        FleetTotals totals) {

    /** The fleet manifest's file name, before any protection's extensions. */
    public static final String FILE = "fleet.json";

    public FleetManifest {
        Require.text(formatVersion, "format_version");
        Require.present(startedAt, "started_at");
        Require.present(inventory, "inventory");
        Require.present(totals, "totals");
        servers = List.copyOf(servers);
    }

    /** The shard of a run that took part of a fleet. */
    public record FleetShard(int index, int count) {
    }

    /**
     * The whole inventory the run was cut from: its number of servers and a SHA-256 of their sorted
     * labels, so that merging tells shards of one inventory from shards of another.
     */
    public record FleetInventory(int serverCount, String labelsSha256) {
    }

    /** Sums over the servers of the manifest. */
    public record FleetTotals(int servers, int serversFailed, int databasesCollected, int databasesFailed, int databasesSkipped,
                              int databasesFiltered) {

        /** The totals of {@code servers}. */
        public static FleetTotals of(List<FleetServerEntry> servers) {
            int failed = 0;
            int collected = 0;
            int databasesFailed = 0;
            int skipped = 0;
            int filtered = 0;
            for (FleetServerEntry server : servers) {
                if (server.status() == FleetServerStatus.FAILED) {
                    failed++;
                }
                if (server.databases() != null) {
                    collected += server.databases().collected();
                    databasesFailed += server.databases().failed();
                    skipped += server.databases().skipped();
                    filtered += server.databases().filtered();
                }
            }
            return new FleetTotals(servers.size(), failed, collected, databasesFailed, skipped, filtered);
        }
    }
}
