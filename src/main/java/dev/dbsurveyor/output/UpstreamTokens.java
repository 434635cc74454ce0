package dev.dbsurveyor.output;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.base.GeneratorBase;
import com.fasterxml.jackson.core.json.JsonWriteContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a document's serializers write, kept in chunks of plain arrays and read back once by
 * {@link UpstreamQuickAccept}: a generator that writes no text, so that the check sees exactly the
 * calls that writing the file makes, at a small part of the cost (Jackson's own {@code TokenBuffer}
 * spends more on its segments and read contexts than the check does on the document).
 * Raw text, binary values and numbers given as text are kept as {@link JsonToken#VALUE_EMBEDDED_OBJECT},
 * which the check does not try to prove.
 */
final class UpstreamTokens extends GeneratorBase {

    /** Tokens per chunk: chunks stay small young objects where one growing array would be copied and become humongous. */
    private static final int CHUNK = 4096;

    private final List<JsonToken[]> kinds = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();
    private JsonToken[] writingKinds;
    private Object[] writingValues;
    private int written = CHUNK;
    private long size;
    private JsonToken[] readingKinds;
    private Object[] readingValues;
    private int read = CHUNK - 1;
    private int readingChunk = -1;
    private long position = -1;

    UpstreamTokens() {
        super(ContractMapper.mapper().getFactory().getGeneratorFeatures(), ContractMapper.mapper());
    }

    private void add(JsonToken kind, Object value) {
        if (written == CHUNK) {
            writingKinds = new JsonToken[CHUNK];
            writingValues = new Object[CHUNK];
            kinds.add(writingKinds);
            values.add(writingValues);
            written = 0;
        }
        writingKinds[written] = kind;
        writingValues[written] = value;
        written++;
        size++;
    }

    private void value(JsonToken kind, Object value) throws IOException {
        _verifyValueWrite("write a value");
        add(kind, value);
    }

    // Reading: one pass, front to back.

    /** The next token, or null past the last one. */
    JsonToken next() {
        position++;
        if (position >= size) {
            return null;
        }
        read++;
        if (read == CHUNK) {
            readingChunk++;
            readingKinds = kinds.get(readingChunk);
            readingValues = values.get(readingChunk);
            read = 0;
        }
        return readingKinds[read];
    }

    JsonToken current() {
        return position < size ? readingKinds[read] : null;
    }

    /** The name of a member, or the text of a string. */
    String text() {
        return (String) readingValues[read];
    }

    /** The number as the serializer gave it: an Integer, Long or BigInteger, or a Double, Float or BigDecimal. */
    Number number() {
        return (Number) readingValues[read];
    }

    // Writing: what Jackson's serializers call.

    @Override
    public void writeStartArray() throws IOException {
        _verifyValueWrite("start an array");
        _writeContext = _writeContext.createChildArrayContext();
        add(JsonToken.START_ARRAY, null);
    }

    @Override
    public void writeEndArray() {
        _writeContext = _writeContext.clearAndGetParent();
        add(JsonToken.END_ARRAY, null);
    }

    @Override
    public void writeStartObject() throws IOException {
        _verifyValueWrite("start an object");
        _writeContext = _writeContext.createChildObjectContext();
        add(JsonToken.START_OBJECT, null);
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        writeStartObject();
        _writeContext.setCurrentValue(forValue);
    }

    @Override
    public void writeEndObject() {
        _writeContext = _writeContext.clearAndGetParent();
        add(JsonToken.END_OBJECT, null);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        if (_writeContext.writeFieldName(name) == JsonWriteContext.STATUS_EXPECT_VALUE) {
            _reportError("Can not write a field name, expecting a value");
        }
        add(JsonToken.FIELD_NAME, name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        writeFieldName(name.getValue());
    }

    @Override
    public void writeString(String text) throws IOException {
        if (text == null) {
            writeNull();
        } else {
            value(JsonToken.VALUE_STRING, text);
        }
    }

    @Override
    public void writeString(char[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length));
    }

    @Override
    public void writeString(SerializableString text) throws IOException {
        writeString(text.getValue());
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) throws IOException {
        writeString(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) throws IOException {
        value(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeRaw(String text) {
        add(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeRaw(String text, int offset, int length) {
        add(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeRaw(char[] text, int offset, int length) {
        add(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeRaw(char c) {
        add(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeBinary(Base64Variant variant, byte[] data, int offset, int length) throws IOException {
        value(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeNumber(int number) throws IOException {
        value(JsonToken.VALUE_NUMBER_INT, number);
    }

    @Override
    public void writeNumber(long number) throws IOException {
        value(JsonToken.VALUE_NUMBER_INT, number);
    }

    @Override
    public void writeNumber(BigInteger number) throws IOException {
        if (number == null) {
            writeNull();
        } else {
            value(JsonToken.VALUE_NUMBER_INT, number);
        }
    }

    @Override
    public void writeNumber(double number) throws IOException {
        value(JsonToken.VALUE_NUMBER_FLOAT, number);
    }

    @Override
    public void writeNumber(float number) throws IOException {
        value(JsonToken.VALUE_NUMBER_FLOAT, number);
    }

    @Override
    public void writeNumber(BigDecimal number) throws IOException {
        if (number == null) {
            writeNull();
        } else {
            value(JsonToken.VALUE_NUMBER_FLOAT, number);
        }
    }

    @Override
    public void writeNumber(String encoded) throws IOException {
        value(JsonToken.VALUE_EMBEDDED_OBJECT, null);
    }

    @Override
    public void writeBoolean(boolean state) throws IOException {
        value(state ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE, null);
    }

    @Override
    public void writeNull() throws IOException {
        value(JsonToken.VALUE_NULL, null);
    }

    @Override
    public void flush() {
    }

    @Override
    protected void _releaseBuffers() {
    }

    @Override
    protected void _verifyValueWrite(String typeMsg) throws IOException {
        if (_writeContext.writeValue() == JsonWriteContext.STATUS_EXPECT_NAME) {
            _reportError("Can not " + typeMsg + ", expecting a field name");
        }
    }
}
