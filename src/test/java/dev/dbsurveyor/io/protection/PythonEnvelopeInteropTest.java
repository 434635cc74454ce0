package dev.dbsurveyor.io.protection;

import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.output.AtomicFiles;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The passphrase envelope against an implementation we did not write the crypto of: a script on
 * Debian's {@code python3-argon2} and {@code python3-cryptography} decrypts our files, compressed
 * or not, and writes one (in upstream's field order) that dbsurveyor reads.
 */
class PythonEnvelopeInteropTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String PASSPHRASE = "interop passphrase ✓";

    private static PassphraseEncryption encryption;
    private static Path script;

    @TempDir
    Path directory;

    @BeforeAll
    static void pythonIsThere() throws IOException {
        ExternalTools.require("checking --encrypt against python3-argon2 and python3-cryptography", PYTHON, "-c",
                "import argon2.low_level, cryptography.hazmat.primitives.ciphers.aead");
        script = Files.createTempFile("envelope", ".py");
        try (InputStream in = PythonEnvelopeInteropTest.class.getResourceAsStream("/protection/envelope.py")) {
            Files.write(script, in.readAllBytes());
        }
        encryption = PassphraseEncryption.derive(PASSPHRASE.toCharArray());
    }

    @AfterAll
    static void clean() throws IOException {
        if (encryption != null) {
            encryption.close();
        }
        if (script != null) {
            Files.deleteIfExists(script);
        }
    }

    @Test
    void pythonDecryptsOurEnvelopeToTheDocument() throws IOException {
        String document = ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument());
        Path file = directory.resolve("sales.dbsurveyor.json.enc");
        AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write(document.getBytes(StandardCharsets.UTF_8)));

        ExternalTools.Result decrypted = python("decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        assertThat(decrypted.outText()).isEqualTo(document);
        ContractSchemas.assertValidContent(decrypted.outText(), "python's decryption of " + file);
    }

    @Test
    void pythonDecryptsOurCompressedEnvelopeToAZstdFrameThatZstdReads() throws IOException {
        ExternalTools.require("checking the zstd inside an envelope", "zstd", "--version");
        String document = ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument());
        Path file = directory.resolve("sales.dbsurveyor.json.zst.enc");
        AtomicFiles.write(file, new OutputProtection(3, encryption), out -> out.write(document.getBytes(StandardCharsets.UTF_8)));

        ExternalTools.Result decrypted = python("decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        Path frame = directory.resolve("sales.dbsurveyor.json.zst");
        Files.write(frame, decrypted.out());
        ExternalTools.Result decompressed = ExternalTools.run(List.of("zstd", "-d", "-c", frame.toString()), Map.of(), null);
        assertThat(decompressed.exitCode()).as(decompressed.err()).isZero();
        assertThat(decompressed.outText()).isEqualTo(document);
    }

    @Test
    void weReadTheEnvelopePythonWroteInUpstreamsOrder() throws IOException {
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path plain = directory.resolve("plain.json");
        Files.write(plain, document);
        Path file = directory.resolve("by-python.json.enc");
        ExternalTools.Result encrypted = python("encrypt", plain.toString(), file.toString());
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        assertThat(Files.readString(file)).startsWith("{\n  \"algorithm\"").contains("\"kdf_params\"");

        try (Decryption keys = Decryption.withPassphrase(() -> Optional.of(PASSPHRASE.toCharArray()))) {
            assertThat(ProtectedFiles.readAllBytes(file, keys)).isEqualTo(document);
        }
    }

    private static ExternalTools.Result python(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(List.of(args));
        return ExternalTools.run(command, Map.of("DBSURVEYOR_ENCRYPTION_PASSWORD", PASSPHRASE), null);
    }
}
