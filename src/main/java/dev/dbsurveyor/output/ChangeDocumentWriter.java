package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.model.DatabaseDiff;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.model.DiffInput;
import dev.dbsurveyor.model.DiffOptions;
import dev.dbsurveyor.model.DiffSummary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a change document while the comparison streams: each database that differs is appended
 * as it comes and then dropped, and the summary ends the file. The file is a temporary one in the
 * target's directory until {@link #finish} forces it to disk and renames it; {@link #close}
 * before that deletes it. Blocking: use it from a thread that may block.
 */
public final class ChangeDocumentWriter implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final JsonGenerator json;
    private boolean done;

    private ChangeDocumentWriter(Path target, Path temporary, FileChannel channel, JsonGenerator json) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.json = json;
    }

    /** Starts the change document of comparing {@code old} with {@code next} at {@code target}. */
    public static ChangeDocumentWriter open(Path target, DiffInput old, DiffInput next, DiffOptions options) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = Channels.newOutputStream(channel);
        ObjectMapper mapper = ContractMapper.mapper();
        JsonGenerator json = mapper.getFactory().createGenerator(out);
        json.setCodec(mapper);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("format_version", DatabaseSchema.FORMAT_VERSION);
        json.writeFieldName("old");
        mapper.writeValue(json, old);
        json.writeFieldName("new");
        mapper.writeValue(json, next);
        json.writeFieldName("options");
        mapper.writeValue(json, options);
        json.writeArrayFieldStart("databases");
        return new ChangeDocumentWriter(target, temporary, channel, json);
    }

    /** Appends one database that differs. */
    public void add(DatabaseDiff database) throws IOException {
        ContractMapper.mapper().writeValue(json, database);
    }

    /** Ends the document with the summary, forces it to disk and renames it into place. */
    public void finish(DiffSummary summary) throws IOException {
        json.writeEndArray();
        json.writeFieldName("summary");
        ContractMapper.mapper().writeValue(json, summary);
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
        channel.force(true);
        json.close();
        channel.close();
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Deletes the unfinished document; the target is left as it was. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            json.close();
        } catch (IOException ignored) {
            // The file is deleted next; what it held no longer matters.
        }
        try {
            channel.close();
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more can be done about a temporary file that cannot be deleted.
        }
    }
}
