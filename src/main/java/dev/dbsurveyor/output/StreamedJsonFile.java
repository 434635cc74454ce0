package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A JSON file written as a stream: a temporary file in the target's directory until
 * {@link #commit} forces it to disk and renames it into place; {@link #close} before that
 * deletes it and leaves the target as it was. Blocking: use it from a thread that may block.
 */
final class StreamedJsonFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final JsonGenerator json;
    private boolean done;

    private StreamedJsonFile(Path target, Path temporary, FileChannel channel, JsonGenerator json) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.json = json;
    }

    /** Starts the file that will replace {@code target}, with a generator of the contract's mapper. */
    static StreamedJsonFile open(Path target) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".", ".tmp");
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ObjectMapper mapper = ContractMapper.mapper();
        JsonGenerator json = mapper.getFactory().createGenerator(Channels.newOutputStream(channel));
        json.setCodec(mapper);
        return new StreamedJsonFile(target, temporary, channel, json);
    }

    /** The generator to write the file's JSON with. */
    JsonGenerator json() {
        return json;
    }

    /** Ends the file with a line feed, forces it to disk and renames it into place. */
    void commit() throws IOException {
        json.writeRaw('\n');
        json.flush();
        channel.force(true);
        json.close();
        channel.close();
        AtomicFiles.moveIntoPlace(temporary, target);
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
