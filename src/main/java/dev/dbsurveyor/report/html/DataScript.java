package dev.dbsurveyor.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.dbsurveyor.output.ContractMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A script file that hands data to the site's script: {@code window.NAME = JSON;}. Pages load data
 * as scripts because a page opened from the file system may not fetch files. JSON is valid
 * JavaScript, and in a file of its own no text in it can end a {@code <script>} element.
 */
final class DataScript implements AutoCloseable {

    /** {@code <}, {@code >} and {@code &} as {@code \\u} escapes, so that no markup appears even if the data were ever inlined. */
    private static final CharacterEscapes MARKUP_ESCAPES = new CharacterEscapes() {
        private final int[] escapes = markupEscapes();

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    };

    private final BufferedWriter writer;
    private final JsonGenerator json;

    private DataScript(Path file, String name) throws IOException {
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        writer.write("window." + name + " = ");
        json = ContractMapper.mapper().getFactory().createGenerator(writer);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setCharacterEscapes(MARKUP_ESCAPES);
    }

    private static int[] markupEscapes() {
        int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
        escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        return escapes;
    }

    /** Starts {@code file}, assigning to the global {@code name} (a fixed identifier, never data). */
    static DataScript open(Path file, String name) throws IOException {
        return new DataScript(file, name);
    }

    JsonGenerator json() {
        return json;
    }

    @Override
    public void close() throws IOException {
        json.close();
        writer.write(";\n");
        writer.close();
    }
}
