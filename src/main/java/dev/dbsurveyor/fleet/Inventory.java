package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers of a fleet, as an inventory file lists them ({@link InventoryFile}), each with its
 * own options already laid over the inventory's defaults. Labels, subdirectories and password
 * variables are unique: two servers never share one.
 */
public record Inventory(List<InventoryEntry> servers) {

    public Inventory {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new ConfigurationException("the inventory lists no server");
        }
        unique(servers, InventoryEntry::label, "label");
        unique(servers, InventoryEntry::directory, "subdirectory");
        unique(servers, InventoryEntry::passwordVariable, "password variable");
    }

    /** The servers of {@code shard}, in the inventory's order. */
    public List<InventoryEntry> serversOf(Shard shard) {
        return servers.stream().filter(server -> shard.holds(server.label())).toList();
    }

    private static void unique(List<InventoryEntry> servers, java.util.function.Function<InventoryEntry, String> key, String what) {
        Map<String, InventoryEntry> seen = new HashMap<>();
        for (InventoryEntry server : servers) {
            InventoryEntry earlier = seen.putIfAbsent(key.apply(server), server);
            if (earlier != null) {
                throw new ConfigurationException(server.source() + " (" + server.label() + ") has the same " + what + " as "
                        + earlier.source() + " (" + earlier.label() + "): give each server a label of its own");
            }
        }
    }
}
