package dev.dbsurveyor.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.model.ChangeDocument;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.ProtectedFileException;
import dev.dbsurveyor.io.protection.ProtectedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a change document ({@code dbsurveyor diff --json}) in one streaming pass: each database's
 * changes are handed over as they are parsed, so a change document of thousands of databases is
 * never held in memory whole. Blocking: use it from a thread that may block.
 */
public final class ChangeDocumentReader {

    private ChangeDocumentReader() {
    }

    /** Whether {@code path} is a plain or compressed change document. */
    public static boolean isChangeDocument(Path path) {
        return isChangeDocument(path, Decryption.none());
    }

    /**
     * Whether {@code path} is a change document (a regular file whose top level has {@code old},
     * {@code new} and {@code summary}), decoded with {@code keys} when it is protected. A
     * protected file is streamed, never held: this only tells which reader to use, and that
     * reader authenticates what it reads.
     */
    public static boolean isChangeDocument(Path path, Decryption keys) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return false;
        }
        Set<String> fields = new HashSet<>();
        try (InputStream in = ProtectedFiles.open(path, keys); JsonParser parser = ContractMapper.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (ProtectedFileException e) {
            throw CollectionReader.unreadable(path, e);
        } catch (IOException e) {
            return false;
        }
        return fields.contains("old") && fields.contains("new") && fields.contains("summary");
    }

    /**
     * Hands each entry of {@code databases} to {@code each}, in the file's order, and returns the
     * document without them (its {@code databases} empty).
     *
     * @throws ConfigurationException naming the file and the reason when it does not read as a change document
     */
    public static ChangeDocument read(Path path, Consumer<DatabaseDiff> each) {
        return read(path, Decryption.none(), each);
    }

    /**
     * As {@link #read(Path, Consumer)}, decoding a protected file with {@code keys}: decoded whole
     * and authenticated before its first change is handed over.
     */
    public static ChangeDocument read(Path path, Decryption keys, Consumer<DatabaseDiff> each) {
        return content(path, keys, in -> header(path, in, each));
    }

    private static <T> T content(Path path, Decryption keys, ProtectedFiles.ContentWork<T> work) {
        try {
            return ProtectedFiles.read(path, keys, work);
        } catch (ProtectedFileException e) {
            throw CollectionReader.unreadable(path, e);
        } catch (IOException e) {
            throw invalid(path, CollectionReader.firstLine(CollectionReader.rootMessage(e)));
        }
    }

    private static ChangeDocument header(Path path, InputStream in, Consumer<DatabaseDiff> each) {
        ObjectNode header = ContractMapper.mapper().createObjectNode();
        try (JsonParser parser = ContractMapper.mapper().getFactory().createParser(in)) {
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
