package dev.dbsurveyor.protection;

import dev.dbsurveyor.model.ContractFixtures;
import dev.dbsurveyor.output.AtomicFiles;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.testing.ContractSchemas;
import dev.dbsurveyor.testing.ExternalTools;
import dev.dbsurveyor.testing.GpgHome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --encrypt-to} against Debian's {@code gpg}, with keys it makes in a temporary home: an
 * elliptic-curve key (Curve25519, gpg's newer default) and an RSA key. gpg decrypts what we
 * encrypted, we decrypt what gpg encrypted, and a file for another key, a changed file and a
 * protected key with a wrong passphrase fail with one clear message.
 */
class OpenPgpInteropTest {

    private static final String KEY_PASSPHRASE = "key passphrase 42";
    private static GpgHome home;

    @TempDir
    Path directory;

    @BeforeAll
    static void keys() {
        home = GpgHome.create();
        home.generate("ecc@example.invalid", "future-default", "");
        home.generate("rsa@example.invalid", "rsa3072", "");
        home.generate("other@example.invalid", "future-default", "");
        home.generate("locked@example.invalid", "future-default", KEY_PASSPHRASE);
    }

    @AfterAll
    static void removeHome() throws IOException {
        if (home != null) {
            home.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc@example.invalid", "rsa@example.invalid"})
    void gpgDecryptsWhatWeEncryptedToItsKey(String who) throws IOException {
        String document = ContractMapper.mapper().writeValueAsString(ContractFixtures.fullDocument());
        Path file = directory.resolve("sales.dbsurveyor.json.gpg");
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(List.of(exportPublic(who)))) {
            assertThat(encryption.recipients()).isEqualTo(1);
            AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write(document.getBytes(StandardCharsets.UTF_8)));
        }
        ExternalTools.Result decrypted = gpg("", "--decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        assertThat(decrypted.outText()).isEqualTo(document);
        ContractSchemas.assertValidContent(decrypted.outText(), "gpg --decrypt of " + file);
    }

    @Test
    void gpgAndZstdUndoCompressionInsideEncryptionToSeveralKeys() throws IOException {
        ExternalTools.require("checking the zstd inside an OpenPGP message", "zstd", "--version");
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path file = directory.resolve("sales.dbsurveyor.json.zst.gpg");
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(List.of(exportPublic("ecc@example.invalid"),
                exportPublic("rsa@example.invalid")))) {
            AtomicFiles.write(file, new OutputProtection(3, encryption), out -> out.write(document));
        }
        Path frame = directory.resolve("sales.dbsurveyor.json.zst");
        ExternalTools.Result decrypted = gpg("", "--output", frame.toString(), "--decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        ExternalTools.Result decompressed = ExternalTools.run(List.of("zstd", "-d", "-c", frame.toString()), Map.of(), null);
        assertThat(decompressed.out()).isEqualTo(document);
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret("rsa@example.invalid", "")), Optional::empty)) {
            assertThat(ProtectedFiles.readAllBytes(file, keys)).isEqualTo(document);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc@example.invalid", "rsa@example.invalid"})
    void weDecryptWhatGpgEncryptedToOurKey(String who) throws IOException {
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path plain = directory.resolve("plain.json");
        Files.write(plain, document);
        Path file = directory.resolve("by-gpg.json.gpg");
        ExternalTools.Result encrypted = gpg("", "--trust-model", "always", "--recipient", who, "--output", file.toString(), "--encrypt",
                plain.toString());
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.OPENPGP);
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret(who, "")), Optional::empty)) {
            assertThat(ProtectedFiles.readAllBytes(file, keys)).isEqualTo(document);
        }
    }

    @Test
    void anArmoredMessageIsReadToo() throws IOException {
        Path plain = directory.resolve("plain.json");
        Files.writeString(plain, "{\"a\":1}");
        Path file = directory.resolve("armored.json.asc");
        ExternalTools.Result encrypted = gpg("", "--trust-model", "always", "--armor", "--recipient", "ecc@example.invalid",
                "--output", file.toString(), "--encrypt", plain.toString());
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret("ecc@example.invalid", "")), Optional::empty)) {
            assertThat(new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void aFileForAnotherKeyNamesTheKeyItWasEncryptedTo() throws IOException {
        Path file = directory.resolve("other.json.gpg");
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(List.of(exportPublic("other@example.invalid")))) {
            AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        }
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret("ecc@example.invalid", "")), Optional::empty)) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys))
                    .isInstanceOf(DecryptionException.class)
                    .hasMessageStartingWith("it is encrypted to ")
                    .hasMessageEndingWith("and no --decrypt-key holds a secret key for it");
        }
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(DecryptionException.class)
                .hasMessageEndingWith("give the secret key with --decrypt-key KEYFILE");
    }

    @Test
    void aChangedByteIsDetected() throws IOException {
        byte[] document = new byte[200_000];
        new java.util.Random(3).nextBytes(document);
        Path file = directory.resolve("changed.json.gpg");
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(List.of(exportPublic("ecc@example.invalid")))) {
            AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write(document));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret("ecc@example.invalid", "")), Optional::empty)) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys)).isInstanceOf(ProtectedFileException.class);
        }
    }

    @Test
    void aTruncatedMessageIsDetected() throws IOException {
        byte[] document = new byte[100_000];
        new java.util.Random(4).nextBytes(document);
        Path file = directory.resolve("truncated.json.gpg");
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(List.of(exportPublic("ecc@example.invalid")))) {
            AtomicFiles.write(file, new OutputProtection(0, encryption), out -> out.write(document));
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        try (Decryption keys = Decryption.of(Optional::empty, List.of(exportSecret("ecc@example.invalid", "")), Optional::empty)) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys))
                    .isInstanceOf(ProtectedFileException.class).hasMessageStartingWith("it is a truncated or damaged OpenPGP message");
        }
    }

    @Test
    void aProtectedKeyOpensWithItsPassphraseOnly() throws IOException {
        Path plain = directory.resolve("plain.json");
        Files.writeString(plain, "{\"a\":1}");
        Path file = directory.resolve("locked.json.gpg");
        ExternalTools.Result encrypted = gpg("", "--trust-model", "always", "--recipient", "locked@example.invalid",
                "--output", file.toString(), "--encrypt", plain.toString());
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        Path secret = exportSecret("locked@example.invalid", KEY_PASSPHRASE);
        try (Decryption keys = Decryption.of(Optional::empty, List.of(secret), () -> Optional.of(KEY_PASSPHRASE.toCharArray()))) {
            assertThat(new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
        try (Decryption keys = Decryption.of(Optional::empty, List.of(secret), () -> Optional.of("not it at all".toCharArray()))) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys))
                    .isInstanceOf(DecryptionException.class).hasMessageEndingWith("does not unlock: wrong passphrase");
        }
        try (Decryption keys = Decryption.of(Optional::empty, List.of(secret), Optional::empty)) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys))
                    .isInstanceOf(DecryptionException.class).hasMessageContaining("DBSURVEYOR_DECRYPT_KEY_PASSWORD");
        }
    }

    @Test
    void aMessageEncryptedWithAPassphraseByGpgIsNamedAsSuch() throws IOException {
        Path plain = directory.resolve("plain.json");
        Files.writeString(plain, "{\"a\":1}");
        Path file = directory.resolve("symmetric.json.gpg");
        ExternalTools.Result encrypted = gpg("a passphrase for gpg", "--symmetric", "--output", file.toString(), plain.toString());
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, Decryption.none()))
                .isInstanceOf(ProtectedFileException.class)
                .hasMessageContaining("gpg --symmetric");
    }

    @Test
    void aPublicKeyFileIsNoSecretKeyFile() throws IOException {
        Path publicKey = exportPublic("ecc@example.invalid");
        assertThatThrownBy(() -> Decryption.of(Optional::empty, List.of(publicKey), Optional::empty))
                .isInstanceOf(ProtectedFileException.class).hasMessageContaining("secret key");
    }

    private Path exportPublic(String who) {
        return home.exportPublic(who, directory.resolve(who + ".pub.asc"));
    }

    private Path exportSecret(String who, String passphrase) {
        return home.exportSecret(who, passphrase, directory.resolve(who + ".secret.asc"));
    }

    private static ExternalTools.Result gpg(String passphrase, String... args) {
        return home.gpg(passphrase, args);
    }
}
