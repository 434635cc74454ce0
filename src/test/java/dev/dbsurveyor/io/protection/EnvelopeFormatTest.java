package dev.dbsurveyor.io.protection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbsurveyor.output.AtomicFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upstream's passphrase envelope: the bytes pinned by a vector that the reference Argon2 and
 * {@code python3-cryptography} computed, round trips at the sizes where the streams' buffers turn,
 * both field orders, and every way a file can be wrong: a changed byte of ciphertext, tag, nonce or
 * salt, a truncated file, weak parameters, a wrong or missing passphrase.
 */
class EnvelopeFormatTest {

    private static final String PASSPHRASE = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static PassphraseEncryption encryption;
    private static Decryption decryption;

    @TempDir
    Path directory;

    @BeforeAll
    static void keys() {
        encryption = PassphraseEncryption.derive(PASSPHRASE.toCharArray());
        decryption = Decryption.withPassphrase(() -> Optional.of(PASSPHRASE.toCharArray()));
    }

    @AfterAll
    static void clear() {
        encryption.close();
        decryption.close();
    }

    @Test
    void theKeyIsArgon2idOfTheRawSaltAndTheCiphertextMatchesTheVector() throws IOException {
        KdfParams kdf = new KdfParams(sequence(16), 65_536, 3, 4);
        byte[] key = kdf.derive(PASSPHRASE.toCharArray());
        assertThat(HEX.formatHex(key)).isEqualTo("5995fc5ddabdb7f10fae2ad796270c269821d70b0efb8fb60262a81f1b6f0eb8");

        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (EnvelopeOutputStream envelope = new EnvelopeOutputStream(file, key, kdf, sequence(12))) {
            envelope.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        }
        JsonNode written = JSON.readTree(file.toByteArray());
        assertThat(written.get("algorithm").asText()).isEqualTo("AES-GCM-256");
        assertThat(HEX.formatHex(bytes(written.get("ciphertext")))).isEqualTo("ac57d52750d578");
        assertThat(HEX.formatHex(bytes(written.get("auth_tag")))).isEqualTo("2b6919628337b34aed695b8502539c46");
        assertThat(bytes(written.get("nonce"))).isEqualTo(sequence(12));
        assertThat(bytes(written.get("kdf_params").get("salt"))).isEqualTo(sequence(16));
        assertThat(written.get("kdf_params").get("memory_cost").asInt()).isEqualTo(65_536);
        assertThat(written.get("kdf_params").get("time_cost").asInt()).isEqualTo(3);
        assertThat(written.get("kdf_params").get("parallelism").asInt()).isEqualTo(4);
        assertThat(written.get("kdf_params").get("version").asText()).isEqualTo("1.3");
    }

    @Test
    void aFileInUpstreamsOrderWithTheKdfParametersLastIsReadInTwoPasses() throws IOException {
        String upstream = String.join("\n", "{",
                "  \"algorithm\": \"AES-GCM-256\",",
                "  \"nonce\": " + list(sequence(12)) + ",",
                "  \"ciphertext\": " + list(HEX.parseHex("ac57d52750d578")) + ",",
                "  \"auth_tag\": " + list(HEX.parseHex("2b6919628337b34aed695b8502539c46")) + ",",
                "  \"kdf_params\": {\"salt\": " + list(sequence(16)) + ", \"memory_cost\": 65536, \"time_cost\": 3, "
                        + "\"parallelism\": 4, \"version\": \"1.3\", \"unknown\": true}",
                "}");
        Path file = directory.resolve("upstream.json.enc");
        Files.writeString(file, upstream);
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.ENVELOPE);
        assertThat(new String(ProtectedFiles.readAllBytes(file, decryption), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 8191, 8192, 8193, 16_383, 16_384, 16_400, 1_000_003})
    void whatIsWrittenReadsBackAtEverySize(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = write(content);
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.ENVELOPE);
        assertThat(ProtectedFiles.readAllBytes(file, decryption)).isEqualTo(content);
    }

    @Test
    void eachFileHasItsOwnNonceUnderTheRunsOneSalt() throws IOException {
        JsonNode first = JSON.readTree(write(new byte[10]).toFile());
        JsonNode second = JSON.readTree(write(new byte[10]).toFile());
        assertThat(bytes(first.get("nonce"))).isNotEqualTo(bytes(second.get("nonce")));
        assertThat(bytes(first.get("kdf_params").get("salt"))).isEqualTo(bytes(second.get("kdf_params").get("salt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ciphertext", "auth_tag", "nonce", "salt"})
    void oneChangedByteAnywhereFailsAuthentication(String field) throws IOException {
        Path file = write("{\"database\":\"sales\"}".getBytes(StandardCharsets.UTF_8));
        ObjectNode envelope = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode array = (ArrayNode) (field.equals("salt") ? envelope.get("kdf_params").get("salt") : envelope.get(field));
        array.set(3, array.get(3).asInt() ^ 0x01);
        Files.write(file, JSON.writeValueAsBytes(envelope));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption))
                .isInstanceOf(DecryptionException.class)
                .hasMessage("wrong passphrase, or the file was changed after it was written (its authentication failed)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.99})
    void aTruncatedFileIsDetected(double kept) throws IOException {
        byte[] content = new byte[20_000];
        new Random(7).nextBytes(content);
        Path file = write(content);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, (int) (whole.length * kept)));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageStartingWith("it is truncated or damaged");
    }

    @Test
    void aFileCutRightAfterItsCiphertextLacksItsTag() throws IOException {
        Path file = write(new byte[100]);
        String whole = Files.readString(file);
        Files.writeString(file, whole.substring(0, whole.indexOf(",\"auth_tag\"")) + "}");
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageContaining("auth_tag is missing");
    }

    @Test
    void aWrongPassphraseFails() throws IOException {
        Path file = write(new byte[100]);
        try (Decryption wrong = Decryption.withPassphrase(() -> Optional.of("correct horse batterY".toCharArray()))) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, wrong))
                    .isInstanceOf(DecryptionException.class)
                    .hasMessageStartingWith("wrong passphrase");
        }
    }

    @Test
    void noPassphraseSaysWhereToGiveIt() throws IOException {
        Path file = write(new byte[100]);
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("DBSURVEYOR_ENCRYPTION_PASSWORD");
    }

    @Test
    void parametersWeakerThanUpstreamsAreRefusedBeforeAnyKeyIsDerived() throws IOException {
        Path file = write(new byte[100]);
        ObjectNode envelope = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) envelope.get("kdf_params")).put("memory_cost", 1024);
        Files.write(file, JSON.writeValueAsBytes(envelope));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageContaining("weaker than dbsurveyor accepts");
    }

    @Test
    void aNonceThatIsNotTwelveBytesIsRefused() throws IOException {
        Path file = write(new byte[100]);
        ObjectNode envelope = (ObjectNode) JSON.readTree(file.toFile());
        ((ArrayNode) envelope.get("nonce")).add(0);
        Files.write(file, JSON.writeValueAsBytes(envelope));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageContaining("nonce is 13 bytes");
    }

    @Test
    void aChangedCompressedEnvelopeIsReportedAsChangedNotAsDamagedZstd() throws IOException {
        byte[] content = new byte[50_000];
        new Random(9).nextBytes(content);
        Path file = Files.createTempFile(directory, "compressed", ".json.zst.enc");
        AtomicFiles.write(file, new OutputProtection(3, encryption), out -> out.write(content));
        ObjectNode envelope = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode ciphertext = (ArrayNode) envelope.get("ciphertext");
        ciphertext.set(100, ciphertext.get(100).asInt() ^ 0x40);
        Files.write(file, JSON.writeValueAsBytes(envelope));

        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> {
            try (java.io.InputStream in = ProtectedFiles.open(file, decryption)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }).isInstanceOf(DecryptionException.class);
    }

    @Test
    void parametersThatWouldExhaustAReaderAreRefused() throws IOException {
        Path file = write(new byte[100]);
        ObjectNode envelope = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) envelope.get("kdf_params")).put("memory_cost", 8L * 1024 * 1024);
        Files.write(file, JSON.writeValueAsBytes(envelope));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, decryption))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageContaining("asks for more than dbsurveyor allows");
    }

    @Test
    void failedReadsLeaveNoFileOpen() throws IOException {
        Path file = write("{}".getBytes(StandardCharsets.UTF_8));
        try (Decryption wrong = Decryption.withPassphrase(() -> Optional.of("not the passphrase".toCharArray()))) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, wrong)).isInstanceOf(DecryptionException.class);
            long before = openFiles();
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> ProtectedFiles.open(file, wrong).close()).isInstanceOf(DecryptionException.class);
                assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, wrong)).isInstanceOf(DecryptionException.class);
            }
            assertThat(openFiles()).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void jsonWithAByteOrderMarkIsPlainJson() throws IOException {
        Path file = directory.resolve("bom.json");
        Files.write(file, ("\uFEFF{\"format_version\":\"1.0\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.PLAIN);
    }

    @Test
    void aShortPassphraseIsRefusedForEncrypting() {
        assertThatThrownBy(() -> PassphraseEncryption.derive("seven77".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 8 characters");
    }

    @Test
    void aPlainDocumentIsNotTakenForAnEnvelope() throws IOException {
        Path file = directory.resolve("plain.json");
        Files.writeString(file, "{\"format_version\":\"1.0\",\"algorithm\":\"x\"}");
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.PLAIN);
    }

    /** The process's open file descriptors (Linux). */
    private static long openFiles() throws IOException {
        try (java.util.stream.Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(directory, "envelope", ".json.enc");
        AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write(content));
        return file;
    }

    private static byte[] sequence(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] bytes(JsonNode array) {
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) array.get(i).asInt();
        }
        return bytes;
    }

    private static String list(byte[] bytes) {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < bytes.length; i++) {
            list.append(i == 0 ? "" : ", ").append(bytes[i] & 0xff);
        }
        return list.append(']').toString();
    }
}
