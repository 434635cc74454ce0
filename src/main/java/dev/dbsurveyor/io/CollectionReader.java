package dev.dbsurveyor.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.FleetManifest;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.DirectoryWriter;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.ProtectedFileException;
import dev.dbsurveyor.io.protection.ProtectedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what dbsurveyor wrote: {@link #open} any collection (a document, a bundle, a directory),
 * {@link #directory} a per-database directory. A file that is not JSON or not a dbsurveyor file,
 * and a document or bundle entry that does not make valid records, fail with a
 * {@link ConfigurationException} that names the path and the reason. A directory's manifest must be there, be JSON, validate against
 * the manifest schema and make valid records; otherwise reading fails with a
 * {@link ConfigurationException} that names the path and the reason (the command line's exit
 * code 2). Blocking: use it from a thread that may block.
 */
public final class CollectionReader {

    private CollectionReader() {
    }

    /** The collection at {@code path}, plain or compressed; an encrypted one fails, since no keys are given. */
    public static StoredCollection open(Path path) {
        return open(path, Decryption.none());
    }

    /**
     * The collection at {@code path}: a per-database directory (or its manifest), a bundle (indexed
     * in one streaming pass; its documents are read one at a time later) or one database's document.
     * Documents are checked by the records they make, as {@code --resume} reads them; {@code validate}
     * checks them against the schemas. A compressed or encrypted file is decoded with {@code keys}
     * (a bundle once, whole, into a {@link Spool}, so that it is authenticated before it is read);
     * one the keys do not open fails with a {@link ConfigurationException} that says why.
     */
    public static StoredCollection open(Path path, Decryption keys) {
        if (Files.isDirectory(path)) {
            return directory(path, keys);
        }
        if (!Files.exists(path)) {
            throw new ConfigurationException("no such file or directory: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new ConfigurationException(path + " is not readable");
        }
        EntryBytes bytes = bytes(path, keys);
        try {
            TopLevel top = scan(path, bytes);
            if (top.fields().contains("server_info") && top.fields().contains("failures")) {
                BundleCollection bundle = BundleCollection.of(path, top.server(), top.offsets(), top.notCollected(), bytes);
                bytes = null;
                return bundle;
            }
            if (top.fields().contains("server_info")) {
                if (!ProtectedFiles.plainName(path.getFileName().toString()).equals(DirectoryWriter.MANIFEST)) {
                    throw new ConfigurationException(path + " is a manifest: give its directory");
                }
                return directory(path.toAbsolutePath().getParent(), keys);
            }
            if (top.fields().contains("database_info")) {
                try (InputStream in = bytes.from(0)) {
                    return new DocumentCollection(path, ContractMapper.mapper().readValue(in, DatabaseSchema.class));
                } catch (IOException | IllegalArgumentException e) {
                    throw new ConfigurationException(path + " is not a valid dbsurveyor document: " + firstLine(rootMessage(e)));
                }
            }
            throw new ConfigurationException(path + " is not a dbsurveyor file: it is no document, bundle or manifest");
        } finally {
            if (bytes != null) {
                bytes.close();
            }
        }
    }

    /** The per-database directory at {@code directory}, its manifest checked; compressed files are read, encrypted ones fail. */
    public static DirectoryCollection directory(Path directory) {
        return directory(directory, Decryption.none());
    }

    /** The per-database directory at {@code directory}, its manifest checked, its files decoded with {@code keys}. */
    public static DirectoryCollection directory(Path directory, Decryption keys) {
        if (!Files.exists(directory)) {
            throw new ConfigurationException("no such directory: " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException(directory + " is not a directory");
        }
        List<Path> manifests = DirectoryWriter.manifests(directory);
        if (manifests.isEmpty()) {
            throw new ConfigurationException(directory + " is not a dbsurveyor output directory: it has no " + DirectoryWriter.MANIFEST);
        }
        if (manifests.size() > 1) {
            throw new ConfigurationException(directory + " holds " + manifests.size() + " manifests ("
                    + String.join(", ", manifests.stream().map(file -> file.getFileName().toString()).toList())
                    + "): one directory holds one form; move the others away");
        }
        Path manifest = manifests.get(0);
        return new DirectoryCollection(directory, manifest, manifest(manifest, keys), keys);
    }

    /** The fleet manifests {@code directory} holds, in any protection. */
    public static List<Path> fleetManifests(Path directory) {
        return ProtectedFiles.namesOf(FleetManifest.FILE).stream().map(directory::resolve).filter(Files::isRegularFile).toList();
    }

    /** Whether {@code path} is a fleet directory: one that holds a fleet manifest. */
    public static boolean isFleet(Path path) {
        return Files.isDirectory(path) && !fleetManifests(path).isEmpty();
    }

    /** The fleet directory at {@code directory}, its fleet manifest decoded with {@code keys} and checked against its schema. */
    public static FleetCollection fleet(Path directory, Decryption keys) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException(Files.exists(directory) ? directory + " is not a directory" : "no such directory: " + directory);
        }
        List<Path> manifests = fleetManifests(directory);
        if (manifests.isEmpty()) {
            throw new ConfigurationException(directory + " is not a fleet directory: it has no " + FleetManifest.FILE);
        }
        if (manifests.size() > 1) {
            throw new ConfigurationException(directory + " holds " + manifests.size() + " fleet manifests: one directory holds one form; move the others away");
        }
        Path file = manifests.get(0);
        return new FleetCollection(directory, file, validated(file, keys, ContractValidator.Kind.FLEET, FleetManifest.class, "fleet manifest"));
    }

    /** A plain file's bytes where they are; a protected file's decoded into a spool, authenticated. */
    private static EntryBytes bytes(Path path, Decryption keys) {
        try {
            return ProtectedFiles.form(path) == ProtectedFiles.Form.PLAIN ? new PlainBytes(path) : Spool.of(path, keys);
        } catch (ProtectedFileException e) {
            throw unreadable(path, e);
        } catch (IOException e) {
            throw new ConfigurationException(path + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    private static TopLevel scan(Path path, EntryBytes bytes) {
        try (InputStream in = bytes.from(0); JsonParser parser = ContractMapper.mapper().getFactory().createParser(in)) {
            return TopLevel.scan(path, parser);
        } catch (IOException e) {
            throw new ConfigurationException(path + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    /** A protected file that does not open, as one line that names it. */
    static ConfigurationException unreadable(Path file, ProtectedFileException e) {
        return new ConfigurationException(file + ": " + e.getMessage());
    }

    private static MultiDatabaseManifest manifest(Path file, Decryption keys) {
        return validated(file, keys, ContractValidator.Kind.MANIFEST, MultiDatabaseManifest.class, "manifest");
    }

    /** A whole file decoded with {@code keys}, checked to be JSON of {@code kind} valid against its schema, and read as {@code type}. */
    private static <T> T validated(Path file, Decryption keys, ContractValidator.Kind kind, Class<T> type, String what) {
        JsonNode json;
        try {
            json = ProtectedFiles.read(file, keys, in -> ContractMapper.mapper().readTree(in));
        } catch (ProtectedFileException e) {
            throw unreadable(file, e);
        } catch (IOException e) {
            throw invalid(file, what, "it is not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (json == null || !json.isObject() || ContractValidator.Kind.of(json) != kind) {
            throw invalid(file, what, "it is not a " + what);
        }
        List<String> errors = ContractValidator.errors(kind, json);
        if (!errors.isEmpty()) {
            throw invalid(file, what, errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        try {
            return ContractMapper.mapper().treeToValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, what, firstLine(rootMessage(e)));
        }
    }

    private static ConfigurationException invalid(Path file, String what, String reason) {
        return new ConfigurationException(file + " is not a valid dbsurveyor " + what + ": " + reason);
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
