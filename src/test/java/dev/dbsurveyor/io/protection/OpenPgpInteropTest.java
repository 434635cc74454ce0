package dev.dbsurveyor.io.protection;

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
    private static final byte[] A_DOCUMENT = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
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
        Path file = ours("sales.dbsurveyor.json.gpg", 0, document.getBytes(StandardCharsets.UTF_8), who);
        ExternalTools.Result decrypted = gpg("", "--decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        assertThat(decrypted.outText()).isEqualTo(document);
        ContractSchemas.assertValidContent(decrypted.outText(), "gpg --decrypt of " + file);
    }

    @Test
    void gpgAndZstdUndoCompressionInsideEncryptionToSeveralKeys() throws IOException {
        ExternalTools.require("checking the zstd inside an OpenPGP message", "zstd", "--version");
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path file = ours("sales.dbsurveyor.json.zst.gpg", 3, document, "ecc@example.invalid", "rsa@example.invalid");
        Path frame = directory.resolve("sales.dbsurveyor.json.zst");
        ExternalTools.Result decrypted = gpg("", "--output", frame.toString(), "--decrypt", file.toString());
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        ExternalTools.Result decompressed = ExternalTools.run(List.of("zstd", "-d", "-c", frame.toString()), Map.of(), null);
        assertThat(decompressed.out()).isEqualTo(document);
        try (Decryption keys = secretKeyOf("rsa@example.invalid")) {
            assertThat(ProtectedFiles.readAllBytes(file, keys)).isEqualTo(document);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc@example.invalid", "rsa@example.invalid"})
    void weDecryptWhatGpgEncryptedToOurKey(String who) throws IOException {
        byte[] document = ContractMapper.mapper().writeValueAsBytes(ContractFixtures.fullDocument());
        Path file = byGpg("by-gpg.json.gpg", document, "", "--recipient", who, "--encrypt");
        assertThat(ProtectedFiles.form(file)).isEqualTo(ProtectedFiles.Form.OPENPGP);
        try (Decryption keys = secretKeyOf(who)) {
            assertThat(ProtectedFiles.readAllBytes(file, keys)).isEqualTo(document);
        }
    }

    @Test
    void anArmoredMessageIsReadToo() throws IOException {
        Path file = byGpg("armored.json.asc", A_DOCUMENT, "", "--armor", "--recipient", "ecc@example.invalid", "--encrypt");
        try (Decryption keys = secretKeyOf("ecc@example.invalid")) {
            assertThat(new String(ProtectedFiles.readAllBytes(file, keys), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }
    }

    @Test
    void aFileForAnotherKeyNamesTheKeyItWasEncryptedTo() throws IOException {
        Path file = ours("other.json.gpg", 0, A_DOCUMENT, "other@example.invalid");
        try (Decryption keys = secretKeyOf("ecc@example.invalid")) {
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
        Path file = ours("changed.json.gpg", 0, random(200_000, 3), "ecc@example.invalid");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        try (Decryption keys = secretKeyOf("ecc@example.invalid")) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys)).isInstanceOf(ProtectedFileException.class);
        }
    }

    @Test
    void aTruncatedMessageIsDetected() throws IOException {
        Path file = ours("truncated.json.gpg", 0, random(100_000, 4), "ecc@example.invalid");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 30));
        try (Decryption keys = secretKeyOf("ecc@example.invalid")) {
            assertThatThrownBy(() -> ProtectedFiles.readAllBytes(file, keys))
                    .isInstanceOf(ProtectedFileException.class).hasMessageStartingWith("it is a truncated or damaged OpenPGP message");
        }
    }

    @Test
    void aProtectedKeyOpensWithItsPassphraseOnly() throws IOException {
        Path file = byGpg("locked.json.gpg", A_DOCUMENT, "", "--recipient", "locked@example.invalid", "--encrypt");
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
        Path file = byGpg("symmetric.json.gpg", A_DOCUMENT, "a passphrase for gpg", "--symmetric");
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

    /** {@code content} encrypted by us, at {@code level} of zstd, to the keys of {@code recipients}. */
    private Path ours(String name, int level, byte[] content, String... recipients) throws IOException {
        Path file = directory.resolve(name);
        List<Path> keys = new java.util.ArrayList<>();
        for (String who : recipients) {
            keys.add(exportPublic(who));
        }
        try (PublicKeyEncryption encryption = PublicKeyEncryption.load(keys)) {
            assertThat(encryption.recipients()).isEqualTo(recipients.length);
            AtomicFiles.write(file, new OutputProtection(level, encryption), out -> out.write(content));
        }
        return file;
    }

    /** {@code content} encrypted by gpg with {@code how} (such as {@code --recipient WHO --encrypt}). */
    private Path byGpg(String name, byte[] content, String passphrase, String... how) throws IOException {
        Path plain = directory.resolve("plain-" + name);
        Files.write(plain, content);
        Path file = directory.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("--trust-model", "always", "--output", file.toString()));
        args.addAll(List.of(how));
        args.add(plain.toString());
        ExternalTools.Result encrypted = gpg(passphrase, args.toArray(String[]::new));
        assertThat(encrypted.exitCode()).as(encrypted.err()).isZero();
        return file;
    }

    /** Keys that hold {@code who}'s unprotected secret key. */
    private Decryption secretKeyOf(String who) throws IOException {
        return Decryption.of(Optional::empty, List.of(exportSecret(who, "")), Optional::empty);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
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
