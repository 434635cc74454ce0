package dev.dbsurveyor.io;

import com.fasterxml.jackson.core.JsonParser;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseCollectionResult;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.ContractMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.SortedMap;

/**
 * A bundle as {@link CollectionReader} indexed it: where in the file each collected database's
 * entry starts, and the statuses of those that failed or were skipped. A database is read by
 * parsing its entry alone, so a bundle of thousands of databases is never held in memory whole.
 */
public record BundleCollection(Path path, ServerInfo server, SortedMap<String, Long> offsets, SortedMap<String, CollectionStatus> notCollected)
        implements StoredCollection {

    public BundleCollection {
        offsets = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(offsets));
        notCollected = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(notCollected));
    }

    @Override
    public CollectionForm form() {
        return CollectionForm.BUNDLE;
    }

    @Override
    public Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(server);
    }

    @Override
    public List<String> names() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(offsets.keySet());
        names.addAll(notCollected.keySet());
        return List.copyOf(names);
    }

    @Override
    public StoredDatabase read(String name) {
        Long offset = offsets.get(name);
        if (offset == null) {
            CollectionStatus status = notCollected.get(name);
            if (status == null) {
                throw new IllegalArgumentException(path + " holds no database " + name);
            }
            return new StoredDatabase.NotCollected(name, status);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.position(offset);
            try (InputStream in = Channels.newInputStream(channel);
                 JsonParser parser = ContractMapper.mapper().getFactory().createParser(in)) {
                DatabaseCollectionResult entry = ContractMapper.mapper().readValue(parser, DatabaseCollectionResult.class);
                return StoredDatabase.of(name, entry.schema());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(path + " is not a valid dbsurveyor bundle: database " + name + ": "
                    + CollectionReader.firstLine(CollectionReader.rootMessage(e)));
        }
    }

    /** The bundle's collected entries as offsets, and the statuses of the others, each name once. */
    static BundleCollection of(Path path, ServerInfo server, Map<String, Long> offsets, Map<String, CollectionStatus> notCollected) {
        for (String name : notCollected.keySet()) {
            if (offsets.containsKey(name)) {
                throw new ConfigurationException(path + " is not a valid dbsurveyor bundle: it lists " + name + " twice");
            }
        }
        return new BundleCollection(path, server, new java.util.TreeMap<>(offsets), new java.util.TreeMap<>(notCollected));
    }
}
