package dev.dbsurveyor.io;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.CollectionForm;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.ManifestEntry;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.ProtectedFileException;
import dev.dbsurveyor.io.protection.ProtectedFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

/**
 * A per-database output directory as {@link CollectionReader} read it: its checked manifest, and
 * each entry's document read on demand (a directory of thousands of databases is never held in
 * memory whole). As a {@link StoredCollection} it holds the manifest's entries that are not stale,
 * by name; a collected entry is read from its file, a failed or skipped one is its manifest status.
 * Blocking: use it from a thread that may block.
 */
public final class DirectoryCollection implements StoredCollection {

    private final Path directory;
    private final Path manifestFile;
    private final MultiDatabaseManifest manifest;
    private final Decryption keys;
    private final Map<String, ManifestEntry> entries = new TreeMap<>();

    /** The directory whose manifest, read from {@code manifestFile}, is {@code manifest}; its documents are decoded with {@code keys}. */
    public DirectoryCollection(Path directory, Path manifestFile, MultiDatabaseManifest manifest, Decryption keys) {
        this.directory = directory;
        this.manifestFile = manifestFile;
        this.manifest = manifest;
        this.keys = keys;
        manifest.databases().stream().filter(entry -> !entry.stale()).forEach(entry -> entries.put(entry.name(), entry));
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /** The file its manifest was read from: {@code manifest.json}, or that name with the extensions of its protection. */
    public Path manifestFile() {
        return manifestFile;
    }

    /** Its checked manifest. */
    public MultiDatabaseManifest manifest() {
        return manifest;
    }

    @Override
    public Path path() {
        return directory;
    }

    @Override
    public CollectionForm form() {
        return CollectionForm.DIRECTORY;
    }

    @Override
    public Optional<ServerInfo> serverInfo() {
        return Optional.of(manifest.serverInfo());
    }

    @Override
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public StoredDatabase read(String name) {
        ManifestEntry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException(directory + " holds no database " + name);
        }
        if (!(entry.status() instanceof CollectionStatus.Success)) {
            return new StoredDatabase.NotCollected(name, entry.status());
        }
        try {
            return StoredDatabase.of(name, document(entry));
        } catch (ProtectedFileException e) {
            throw CollectionReader.unreadable(fileOf(entry), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(fileOf(entry) + " is not a valid dbsurveyor document: "
                    + CollectionReader.firstLine(CollectionReader.rootMessage(e)));
        }
    }

    /** Where an entry's document is. */
    public Path fileOf(ManifestEntry entry) {
        return directory.resolve(entry.file());
    }

    /** Whether an entry's document is there (a regular file), without reading it. */
    public boolean hasFile(ManifestEntry entry) {
        return Files.isRegularFile(fileOf(entry));
    }

    /**
     * An entry's document, decoded and authenticated.
     *
     * @throws ProtectedFileException when it is protected and does not open
     * @throws IOException when it is missing or does not read as a document
     */
    public DatabaseSchema document(ManifestEntry entry) throws IOException {
        return ProtectedFiles.read(fileOf(entry), keys, in -> ContractMapper.mapper().readValue(in, DatabaseSchema.class));
    }
}
