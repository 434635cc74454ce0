package dev.dbsurveyor.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.DirectoryWriter;

import java.io.IOException;
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

    /**
     * The collection at {@code path}: a per-database directory (or its manifest), a bundle (indexed
     * in one streaming pass; its documents are read one at a time later) or one database's document.
     * Documents are checked by the records they make, as {@code --resume} reads them; {@code validate}
     * checks them against the schemas.
     */
    public static StoredCollection open(Path path) {
        if (Files.isDirectory(path)) {
            return directory(path);
        }
        if (!Files.exists(path)) {
            throw new ConfigurationException("no such file or directory: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new ConfigurationException(path + " is not readable");
        }
        TopLevel top = TopLevel.scan(path);
        if (top.fields().contains("server_info") && top.fields().contains("failures")) {
            return BundleCollection.of(path, top.server(), top.offsets(), top.notCollected());
        }
        if (top.fields().contains("server_info")) {
            Path parent = path.toAbsolutePath().getParent();
            if (!path.getFileName().toString().equals(DirectoryWriter.MANIFEST)) {
                throw new ConfigurationException(path + " is a manifest: give its directory");
            }
            return directory(parent);
        }
        if (top.fields().contains("database_info")) {
            try {
                return new DocumentCollection(path, ContractMapper.mapper().readValue(path.toFile(), DatabaseSchema.class));
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(path + " is not a valid dbsurveyor document: " + firstLine(rootMessage(e)));
            }
        }
        throw new ConfigurationException(path + " is not a dbsurveyor file: it is no document, bundle or manifest");
    }

    /** The per-database directory at {@code directory}, its manifest checked. */
    public static DirectoryCollection directory(Path directory) {
        if (!Files.exists(directory)) {
            throw new ConfigurationException("no such directory: " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException(directory + " is not a directory");
        }
        Path manifest = directory.resolve(DirectoryWriter.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new ConfigurationException(directory + " is not a dbsurveyor output directory: it has no " + DirectoryWriter.MANIFEST);
        }
        return new DirectoryCollection(directory, manifest(manifest));
    }

    private static MultiDatabaseManifest manifest(Path file) {
        JsonNode json;
        try {
            json = ContractMapper.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "it is not JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (json == null || !json.isObject() || ContractValidator.Kind.of(json) != ContractValidator.Kind.MANIFEST) {
            throw invalid(file, "it is not a manifest");
        }
        List<String> errors = ContractValidator.errors(ContractValidator.Kind.MANIFEST, json);
        if (!errors.isEmpty()) {
            throw invalid(file, errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        try {
            return ContractMapper.mapper().treeToValue(json, MultiDatabaseManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, firstLine(rootMessage(e)));
        }
    }

    private static ConfigurationException invalid(Path file, String reason) {
        return new ConfigurationException(file + " is not a valid dbsurveyor manifest: " + reason);
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
