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
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A bundle as {@link CollectionReader} indexed it: where in its decoded bytes each collected
 * database's entry starts, and the statuses of those that failed or were skipped. A database is
 * read by parsing its entry alone, so a bundle of thousands of databases is never held in memory
 * whole. A compressed or encrypted bundle is read from a {@link Spool} of its decoded bytes, which
 * {@link #close} deletes.
 */
public final class BundleCollection implements StoredCollection {

    private final Path path;
    private final ServerInfo server;
    private final SortedMap<String, Long> offsets;
    private final SortedMap<String, CollectionStatus> notCollected;
    private final EntryBytes bytes;

    private BundleCollection(Path path, ServerInfo server, Map<String, Long> offsets, Map<String, CollectionStatus> notCollected,
                             EntryBytes bytes) {
        this.path = path;
        this.server = server;
        this.offsets = Collections.unmodifiableSortedMap(new TreeMap<>(offsets));
        this.notCollected = Collections.unmodifiableSortedMap(new TreeMap<>(notCollected));
        this.bytes = bytes;
    }

    @Override
    public Path path() {
        return path;
    }

    /** The server its {@code server_info} names. */
    public ServerInfo server() {
        return server;
    }

    /** Where each collected database's entry starts in the decoded bytes, by name. */
    public SortedMap<String, Long> offsets() {
        return offsets;
    }

    /** The status of each database that failed or was skipped, by name. */
    public SortedMap<String, CollectionStatus> notCollected() {
        return notCollected;
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
        TreeSet<String> names = new TreeSet<>(offsets.keySet());
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
        try (InputStream in = bytes.from(offset);
             JsonParser parser = ContractMapper.mapper().getFactory().createParser(in)) {
            DatabaseCollectionResult entry = ContractMapper.mapper().readValue(parser, DatabaseCollectionResult.class);
            return StoredDatabase.of(name, entry.schema());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(path + " is not a valid dbsurveyor bundle: database " + name + ": "
                    + CollectionReader.firstLine(CollectionReader.rootMessage(e)));
        }
    }

    /** Deletes the spooled copy of a protected bundle. */
    @Override
    public void close() {
        bytes.close();
    }

    /** The bundle's collected entries as offsets into {@code bytes}, and the statuses of the others, each name once. */
    static BundleCollection of(Path path, ServerInfo server, Map<String, Long> offsets, Map<String, CollectionStatus> notCollected,
                               EntryBytes bytes) {
        for (String name : notCollected.keySet()) {
            if (offsets.containsKey(name)) {
                throw new ConfigurationException(path + " is not a valid dbsurveyor bundle: it lists " + name + " twice");
            }
        }
        return new BundleCollection(path, server, offsets, notCollected, bytes);
    }
}
