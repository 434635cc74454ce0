package dev.dbsurveyor.io;

import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.FleetServerEntry;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A fleet directory as read: its fleet manifest, checked against its schema, and where each
 * server's single-server directory is. A server's directory is read with
 * {@link CollectionReader#directory}, as any single-server directory is.
 */
public record FleetCollection(Path directory, Path manifestFile, FleetManifest manifest) {

    /** The single-server directory of {@code server}, when anything of it was written. */
    public Optional<Path> directoryOf(FleetServerEntry server) {
        return Optional.ofNullable(server.directory()).map(directory::resolve);
    }
}
