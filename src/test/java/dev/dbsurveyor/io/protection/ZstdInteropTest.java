package dev.dbsurveyor.io.protection;

import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.output.AtomicFiles;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ExternalTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our zstd against Debian's {@code zstd}: each reads what the other wrote, and damage is caught by the frame's checksum. */
class ZstdInteropTest {

    @TempDir
    Path directory;

    @BeforeAll
    static void zstdIsThere() {
        ExternalTools.require("checking --compress against the reference zstd", "zstd", "--version");
    }

    @Test
    void zstdDecompressesOurFileToTheDocumentWeWrote() throws IOException {
        String document = ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument());
        Path file = directory.resolve("sales.dbsurveyor.json.zst");
        AtomicFiles.write(file, OutputProtection.compressed(OutputProtection.DEFAULT_LEVEL),
                out -> out.write(document.getBytes(StandardCharsets.UTF_8)));

        ExternalTools.Result test = ExternalTools.run(List.of("zstd", "-t", file.toString()), Map.of(), null);
        assertThat(test.exitCode()).as(test.err()).isZero();
        ExternalTools.Result decompressed = ExternalTools.run(List.of("zstd", "-d", "-c", file.toString()), Map.of(), null);
        assertThat(decompressed.exitCode()).as(decompressed.err()).isZero();
        assertThat(decompressed.outText()).isEqualTo(document);
        ContractSchemas.assertValidContent(decompressed.outText(), "zstd -d of " + file);
    }

    @Test
    void weReadWhatZstdCompressed() throws IOException {
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path plain = directory.resolve("plain.json");
        Files.write(plain, document);
        ExternalTools.Result compressed = ExternalTools.run(List.of("zstd", "-19", "-q", plain.toString(), "-o",
                directory.resolve("by-zstd.json.zst").toString()), Map.of(), null);
        assertThat(compressed.exitCode()).as(compressed.err()).isZero();
        assertThat(ProtectedFiles.form(directory.resolve("by-zstd.json.zst"))).isEqualTo(ProtectedFiles.Form.ZSTD);
        assertThat(ProtectedFiles.readAllBytes(directory.resolve("by-zstd.json.zst"), Decryption.none())).isEqualTo(document);
    }

    @Test
    void aTruncatedOrChangedFrameIsDetected() throws IOException {
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path file = directory.resolve("x.json.zst");
        AtomicFiles.write(file, OutputProtection.compressed(3), out -> out.write(document));
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length - 6));
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(ProtectedFileException.class).hasMessageStartingWith("its zstd data is truncated or damaged");

        byte[] changed = whole.clone();
        changed[changed.length - 2] ^= 0x10;
        Files.write(file, changed);
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(ProtectedFileException.class).hasMessageStartingWith("its zstd data is truncated or damaged");
    }
}
