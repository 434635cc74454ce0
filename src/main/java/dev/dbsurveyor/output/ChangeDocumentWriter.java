package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffInput;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;

import dev.dbsurveyor.io.protection.OutputProtection;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a change document while the comparison streams: each database that differs is appended
 * as it comes and then dropped, and the summary ends the file. The file is a temporary one in the
 * target's directory until {@link #finish} forces it to disk and renames it; {@link #close}
 * before that deletes it. Blocking: use it from a thread that may block.
 */
public final class ChangeDocumentWriter implements AutoCloseable {

    private final StreamedJsonFile file;

    private ChangeDocumentWriter(StreamedJsonFile file) {
        this.file = file;
    }

    /** Starts the change document of comparing {@code old} with {@code next} at {@code target}. */
    public static ChangeDocumentWriter open(Path target, DiffInput old, DiffInput next, DiffOptions options) throws IOException {
        StreamedJsonFile file = StreamedJsonFile.open(target, OutputProtection.NONE);
        try {
            JsonGenerator json = file.json();
            ObjectMapper mapper = ContractMapper.mapper();
            json.writeStartObject();
            json.writeStringField("format_version", DatabaseSchema.FORMAT_VERSION);
            json.writeFieldName("old");
            mapper.writeValue(json, old);
            json.writeFieldName("new");
            mapper.writeValue(json, next);
            json.writeFieldName("options");
            mapper.writeValue(json, options);
            json.writeArrayFieldStart("databases");
            return new ChangeDocumentWriter(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** Appends one database that differs. */
    public void add(DatabaseDiff database) throws IOException {
        ContractMapper.mapper().writeValue(file.json(), database);
    }

    /** Ends the document with the summary, forces it to disk and renames it into place. */
    public void finish(DiffSummary summary) throws IOException {
        JsonGenerator json = file.json();
        json.writeEndArray();
        json.writeFieldName("summary");
        ContractMapper.mapper().writeValue(json, summary);
        json.writeEndObject();
        file.commit();
    }

    /** Deletes the unfinished document; the target is left as it was. */
    @Override
    public void close() {
        file.close();
    }
}
