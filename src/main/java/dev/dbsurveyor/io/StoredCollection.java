package dev.dbsurveyor.io;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.ServerInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A collection on disk as {@link CollectionReader#open} found it: its databases' names, and each
 * database read on demand, one at a time, so that a collection of thousands of databases is never
 * held in memory whole. Close it when done: a protected bundle holds a spooled copy of its
 * decoded bytes. Blocking: use it from a thread that may block.
 */
public sealed interface StoredCollection extends AutoCloseable permits DocumentCollection, BundleCollection, DirectoryCollection {

    /** Where it was read from. */
    Path path();

    /** What it is. */
    CollectionForm form();

    /** The server it describes, as a bundle or a directory's manifest states it; empty for one database's document. */
    Optional<ServerInfo> serverInfo();

    /**
     * The names of the databases it holds, sorted (by {@link String#compareTo}), each once.
     * Databases a sweep filtered out, and those a resume found gone from the server, are not in it.
     */
    List<String> names();

    /**
     * The database named {@code name}, one of {@link #names()}.
     *
     * @throws ConfigurationException naming the file and the reason when its document is missing or does not read
     */
    StoredDatabase read(String name);

    /** Lets go of what reading holds; reading after it is not allowed. */
    @Override
    default void close() {
    }
}
