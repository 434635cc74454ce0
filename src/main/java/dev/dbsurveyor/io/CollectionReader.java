package dev.dbsurveyor.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.MultiDatabaseManifest;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.ContractValidator;
import dev.dbsurveyor.output.DirectoryWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what dbsurveyor wrote. A directory's manifest must be there, be JSON, validate against
 * the manifest schema and make valid records; otherwise reading fails with a
 * {@link ConfigurationException} that names the path and the reason (the command line's exit
 * code 2). Blocking: use it from a thread that may block.
 */
public final class CollectionReader {

    private CollectionReader() {
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

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
