package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbsurveyor.io.protection.OutputProtection;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A JSON file written as a stream: a {@link StagedFile} until {@link #commit} forces it to disk
 * and renames it into place; {@link #close} before that deletes it and leaves the target as it
 * was. Blocking: use it from a thread that may block.
 */
final class StreamedJsonFile implements AutoCloseable {

    private final StagedFile file;
    private final JsonGenerator json;
    private boolean done;

    private StreamedJsonFile(StagedFile file, JsonGenerator json) {
        this.file = file;
        this.json = json;
    }

    /** Starts the file that will replace {@code target}, written through {@code protection}, with a generator of the contract's mapper. */
    static StreamedJsonFile open(Path target, OutputProtection protection) throws IOException {
        StagedFile file = StagedFile.open(target, protection);
        ObjectMapper mapper = ContractMapper.mapper();
        JsonGenerator json = mapper.getFactory().createGenerator(file.out());
        json.setCodec(mapper);
        return new StreamedJsonFile(file, json);
    }

    /** The generator to write the file's JSON with. */
    JsonGenerator json() {
        return json;
    }

    /** Ends the file with a line feed, ends its protection, forces it to disk and renames it into place. */
    void commit() throws IOException {
        json.writeRaw('\n');
        json.close();
        file.commit();
        done = true;
    }

    /** Deletes the file unless it was committed. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            file.close();
        } catch (IOException ignored) {
            // Nothing more can be done about a temporary file that cannot be deleted.
        }
    }
}
