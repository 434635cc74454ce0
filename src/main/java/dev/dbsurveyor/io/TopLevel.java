package dev.dbsurveyor.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseFailure;
import dev.dbsurveyor.model.ServerInfo;
import dev.dbsurveyor.model.SkippedDatabase;
import dev.dbsurveyor.output.ContractMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one streaming pass over a JSON file finds at its top level: the field names, which say what
 * the file is, its {@code server_info} when it has one, and, were it a bundle, where each entry of {@code databases} starts and the statuses
 * of {@code failures} and {@code skipped}. Nothing under a field is kept but those.
 */
record TopLevel(Set<String> fields, ServerInfo server, Map<String, Long> offsets, Map<String, CollectionStatus> notCollected) {

    /** The top level of {@code file}'s content as {@code parser} reads it from its start. */
    static TopLevel scan(Path file, JsonParser parser) {
        Set<String> fields = new HashSet<>();
        Map<String, Long> offsets = new HashMap<>();
        Map<String, CollectionStatus> notCollected = new HashMap<>();
        ServerInfo server = null;
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notDbsurveyor(file, "it is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                fields.add(field);
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "databases" -> entries(file, parser, value, offsets);
                    case "server_info" -> server = value == JsonToken.START_OBJECT ? ContractMapper.mapper().readValue(parser, ServerInfo.class) : null;
                    case "failures" -> {
                        if (value == JsonToken.START_ARRAY) {
                            for (DatabaseFailure failure : ContractMapper.mapper().readValue(parser, DatabaseFailure[].class)) {
                                put(file, notCollected, failure.databaseName(), new CollectionStatus.Failed(failure.errorMessage()));
                            }
                        }
                    }
                    case "skipped" -> {
                        if (value == JsonToken.START_ARRAY) {
                            for (SkippedDatabase skipped : ContractMapper.mapper().readValue(parser, SkippedDatabase[].class)) {
                                put(file, notCollected, skipped.databaseName(), new CollectionStatus.Skipped(skipped.reason()));
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw notDbsurveyor(file, "it does not end as a JSON object");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw notDbsurveyor(file, "it is not valid JSON of one (" + CollectionReader.firstLine(CollectionReader.rootMessage(e)) + ")");
        }
        return new TopLevel(fields, server, offsets, notCollected);
    }

    /** Each bundle entry's offset by its {@code database_name}; entries of a manifest (which have none) are left out. */
    private static void entries(Path file, JsonParser parser, JsonToken value, Map<String, Long> offsets) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            long offset = parser.currentTokenLocation().getByteOffset();
            String name = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("database_name") && token == JsonToken.VALUE_STRING) {
                    name = parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (name != null && offsets.put(name, offset) != null) {
                throw new ConfigurationException(file + " is not a valid dbsurveyor bundle: it lists " + name + " twice");
            }
        }
    }

    private static void put(Path file, Map<String, CollectionStatus> statuses, String name, CollectionStatus status) {
        if (statuses.put(name, status) != null) {
            throw new ConfigurationException(file + " is not a valid dbsurveyor bundle: it lists " + name + " twice");
        }
    }

    private static ConfigurationException notDbsurveyor(Path file, String reason) {
        return new ConfigurationException(file + " is not a dbsurveyor file: " + reason);
    }
}
