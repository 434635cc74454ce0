package dev.dbsurveyor.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.output.ContractMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads a change document ({@code dbsurveyor diff --json}) in one streaming pass: each database's
 * changes are handed over as they are parsed, so a change document of thousands of databases is
 * never held in memory whole. Blocking: use it from a thread that may block.
 */
public final class ChangeDocumentReader {

    private ChangeDocumentReader() {
    }

    /** Whether {@code path} is a change document (a regular file whose top level has {@code old}, {@code new} and {@code summary}). */
    public static boolean isChangeDocument(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return false;
        }
        var fields = TopLevel.scan(path).fields();
        return fields.contains("old") && fields.contains("new") && fields.contains("summary");
    }

    /**
     * Hands each entry of {@code databases} to {@code each}, in the file's order, and returns the
     * document without them (its {@code databases} empty).
     *
     * @throws ConfigurationException naming the file and the reason when it does not read as a change document
     */
    public static ChangeDocument read(Path path, Consumer<DatabaseDiff> each) {
        ObjectNode header = ContractMapper.mapper().createObjectNode();
        try (JsonParser parser = ContractMapper.mapper().getFactory().createParser(path.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(path, "it is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("databases") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        each.accept(ContractMapper.mapper().readValue(parser, DatabaseDiff.class));
                    }
                } else {
                    header.set(field, ContractMapper.mapper().readTree(parser));
                }
            }
            header.putArray("databases");
            return ContractMapper.mapper().treeToValue(header, ChangeDocument.class);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(path, CollectionReader.firstLine(CollectionReader.rootMessage(e)));
        }
    }

    private static ConfigurationException invalid(Path path, String reason) {
        return new ConfigurationException(path + " is not a valid dbsurveyor change document: " + reason);
    }
}
