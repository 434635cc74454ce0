package dev.dbsurveyor.testing;

import dev.dbsurveyor.output.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GnuPG home of its own in a temporary directory, with keys that {@code gpg} makes, for tests
 * of OpenPGP output against the reference implementation. Closing stops its agent and deletes it.
 */
public final class GpgHome implements AutoCloseable {

    private final Path home;

    private GpgHome(Path home) {
        this.home = home;
    }

    /** A new, empty home; skips (or, in CI, fails) without {@code gpg}. */
    public static GpgHome create() {
        ExternalTools.require("checking OpenPGP output against GnuPG", "gpg", "--version");
        try {
            return new GpgHome(Files.createTempDirectory("gpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a key for {@code who} (an e-mail address): {@code future-default} makes an Ed25519 key
     * with a Curve25519 encryption subkey; an RSA algorithm gets an RSA encryption subkey.
     * {@code passphrase} empty leaves it unprotected.
     */
    public void generate(String who, String algorithm, String passphrase) {
        ExternalTools.Result made = gpg(passphrase, "--quick-gen-key", "dbsurveyor test <" + who + ">", algorithm, "default", "never");
        assertThat(made.exitCode()).as(made.err()).isZero();
        if (algorithm.startsWith("rsa")) {
            String fingerprint = gpg("", "--with-colons", "--list-keys", who).outText().lines()
                    .filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
            ExternalTools.Result added = gpg(passphrase, "--quick-add-key", fingerprint, algorithm, "encr", "never");
            assertThat(added.exitCode()).as(added.err()).isZero();
        }
    }

    /** Writes {@code who}'s public key, armored, to {@code file}. */
    public Path exportPublic(String who, Path file) {
        ExternalTools.Result exported = gpg("", "--armor", "--output", file.toString(), "--export", who);
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        return file;
    }

    /** Writes {@code who}'s secret key, armored, to {@code file}, unlocking it with {@code passphrase}. */
    public Path exportSecret(String who, String passphrase, Path file) {
        ExternalTools.Result exported = gpg(passphrase, "--armor", "--output", file.toString(), "--export-secret-keys", who);
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        return file;
    }

    /** Runs {@code gpg} in this home, in batch mode, with {@code passphrase} for any key it unlocks. */
    public ExternalTools.Result gpg(String passphrase, String... args) {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes", "--pinentry-mode", "loopback",
                "--passphrase", passphrase));
        command.addAll(List.of(args));
        return ExternalTools.run(command, Map.of(), null);
    }

    @Override
    public void close() throws IOException {
        ExternalTools.run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"), Map.of(), null);
        FileTrees.delete(home);
    }
}
