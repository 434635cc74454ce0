package dev.dbsurveyor.io;

import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.output.ContractMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A per-database output directory as {@link CollectionReader} read it: its checked manifest, and
 * each entry's document read on demand (a directory of thousands of databases is never held in
 * memory whole). Blocking: use it from a thread that may block.
 */
public record DirectoryCollection(Path directory, MultiDatabaseManifest manifest) {

    /** Where an entry's document is. */
    public Path fileOf(ManifestEntry entry) {
        return directory.resolve(entry.file());
    }

    /** Whether an entry's document is there (a regular file), without reading it. */
    public boolean hasFile(ManifestEntry entry) {
        return Files.isRegularFile(fileOf(entry));
    }

    /** An entry's document. @throws IOException when it is missing or does not read as a document */
    public DatabaseSchema document(ManifestEntry entry) throws IOException {
        return ContractMapper.mapper().readValue(fileOf(entry).toFile(), DatabaseSchema.class);
    }
}
