package dev.dbsurveyor.fleet;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.CollectionReader;
import dev.dbsurveyor.io.FleetCollection;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;
import dev.dbsurveyor.model.FleetServerStatus;
import dev.dbsurveyor.output.FileTrees;
import dev.dbsurveyor.output.FleetManifestFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Joins the directories of every shard of one fleet into one fleet directory of the same shape as
 * a one-process run writes: every server's directory copied as it is, and one fleet manifest.
 * Shards of another split or inventory, a shard given twice, a missing one, an interrupted one
 * and a server in two shards are refused before anything is written. The result is built beside
 * the target and moved into place at the end, so a failed merge leaves nothing behind.
 */
public final class FleetMerge {

    private FleetMerge() {
    }

    /** Reads and checks {@code shards}, then writes their merge at {@code target} (which must not exist, or be an empty directory). */
    public static FleetManifest merge(List<Path> shards, Path target, Decryption keys, OutputProtection protection) throws IOException {
        List<FleetCollection> read = shards.stream().map(shard -> CollectionReader.fleet(shard, keys)).toList();
        check(read, protection);
        Path parent = target.toAbsolutePath().getParent();
        checkTarget(target);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".merging-");
        try {
            List<FleetServerEntry> servers = new ArrayList<>();
            for (FleetCollection shard : read) {
                for (FleetServerEntry server : shard.manifest().servers()) {
                    if (server.directory() != null) {
                        copyTree(shard.directory().resolve(server.directory()), staging.resolve(server.directory()));
                    }
                    servers.add(server);
                }
            }
            servers.sort(Comparator.comparing(FleetServerEntry::label));
            FleetManifest merged = merged(read, servers);
            FleetManifestFile.write(staging, protection, merged);
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return merged;
        } finally {
            if (Files.exists(staging)) {
                FileTrees.delete(staging);
            }
        }
    }

    private static void check(List<FleetCollection> shards, OutputProtection protection) {
        if (shards.isEmpty()) {
            throw new ConfigurationException("give the directory of every shard to merge");
        }
        FleetCollection first = shards.get(0);
        Map<Integer, FleetCollection> byIndex = new HashMap<>();
        Map<String, FleetCollection> byServer = new HashMap<>();
        String manifestName = protection.fileName(FleetManifest.FILE);
        for (FleetCollection shard : shards) {
            FleetManifest manifest = shard.manifest();
            if (manifest.shard() == null) {
                throw new ConfigurationException(shard.directory() + " is a whole fleet, not a shard of one: there is nothing to merge it with");
            }
            if (manifest.shard().count() != first.manifest().shard().count()) {
                throw new ConfigurationException(first.directory() + " is shard " + shardOf(first) + " and " + shard.directory() + " is shard "
                        + shardOf(shard) + ": the shards of one fleet share their count");
            }
            if (!manifest.inventory().equals(first.manifest().inventory())) {
                throw new ConfigurationException(first.directory() + " and " + shard.directory() + " were cut from different inventories");
            }
            if (!shard.manifestFile().getFileName().toString().equals(manifestName)) {
                throw new ConfigurationException(shard.directory() + " was written with its manifest named " + shard.manifestFile().getFileName()
                        + ": merge it with the options that wrote it (" + manifestName + " is what these options write)");
            }
            FleetCollection twice = byIndex.putIfAbsent(manifest.shard().index(), shard);
            if (twice != null) {
                throw new ConfigurationException("shard " + shardOf(shard) + " is given twice: " + twice.directory() + " and " + shard.directory());
            }
            for (FleetServerEntry server : manifest.servers()) {
                if (server.status() == FleetServerStatus.INTERRUPTED) {
                    throw new ConfigurationException(shard.directory() + " (shard " + shardOf(shard) + ") was interrupted before server "
                            + server.label() + " was done: complete it with collect --resume first");
                }
                if (server.directory() != null && !Files.isDirectory(shard.directory().resolve(server.directory()))) {
                    throw new ConfigurationException(shard.directory() + " lists server " + server.label() + " in " + server.directory()
                            + ", which is not there: the shard is incomplete; collect it again with --resume");
                }
                FleetCollection other = byServer.putIfAbsent(server.label(), shard);
                if (other != null) {
                    throw new ConfigurationException("server " + server.label() + " is in two shards: " + other.directory() + " and " + shard.directory());
                }
            }
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int index = 0; index < first.manifest().shard().count(); index++) {
            if (!byIndex.containsKey(index)) {
                missing.add(index);
            }
        }
        if (!missing.isEmpty()) {
            int count = first.manifest().shard().count();
            throw new ConfigurationException((missing.size() == 1 ? "shard " : "shards ") + String.join(", ",
                    missing.stream().map(index -> index + "/" + count).toList()) + (missing.size() == 1 ? " is" : " are")
                    + " missing: give the directory of every shard, 0/" + count + " to " + (count - 1) + "/" + count);
        }
        int servers = shards.stream().mapToInt(shard -> shard.manifest().servers().size()).sum();
        if (servers != first.manifest().inventory().serverCount()) {
            throw new ConfigurationException("the shards list " + servers + " servers, and their inventory " + first.manifest().inventory().serverCount());
        }
    }

    private static void checkTarget(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new ConfigurationException("the merge's output " + target + " is not empty: give a new directory");
                }
            }
        } else if (Files.exists(target)) {
            throw new ConfigurationException("the merge's output " + target + " is a file: give a new directory");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new ConfigurationException("cannot write the merge's output " + target + ": its parent directory is missing or not writable");
        }
    }

    private static FleetManifest merged(List<FleetCollection> shards, List<FleetServerEntry> servers) {
        Instant started = shards.stream().map(shard -> shard.manifest().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant ended = shards.stream().map(shard -> shard.manifest().startedAt().plusMillis(shard.manifest().collectionDurationMs()))
                .max(Comparator.naturalOrder()).orElseThrow();
        FleetManifest first = shards.get(0).manifest();
        return new FleetManifest(FleetManifestFile.FORMAT_VERSION, first.collectorVersion(), started, ended.toEpochMilli() - started.toEpochMilli(),
                shards.stream().mapToInt(shard -> shard.manifest().maxConcurrency()).max().orElseThrow(), null, shards.size(),
                first.inventory(), servers, FleetManifest.FleetTotals.of(servers));
    }

    private static String shardOf(FleetCollection shard) {
        return shard.manifest().shard().index() + "/" + shard.manifest().shard().count();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            tree.forEach(source -> {
                try {
                    Path copy = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (FileAlreadyExistsException e) {
                    throw new ConfigurationException("two servers share the directory " + to.getFileName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
