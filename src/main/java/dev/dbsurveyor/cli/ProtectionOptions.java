package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.protection.Encryption;
import dev.dbsurveyor.io.protection.NoEncryption;
import dev.dbsurveyor.io.protection.OutputProtection;
import dev.dbsurveyor.io.protection.PassphraseEncryption;
import dev.dbsurveyor.io.protection.PublicKeyEncryption;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How {@code collect} protects what it writes: zstd, then upstream's passphrase envelope or OpenPGP. */
final class ProtectionOptions {

    @Option(names = "--compress", description = "Compress every file with zstd (level 3); .zst is appended to its name.")
    boolean compress;

    @Option(names = "--compress-level", paramLabel = "N", description = "The zstd level, 1 to 19 (implies --compress).")
    Integer level;

    @Option(names = "--encrypt", description = "Encrypt every file with a passphrase (AES-256-GCM, Argon2id; upstream's format), "
            + "from " + Secrets.PASSPHRASE + " or typed twice; .enc is appended.")
    boolean encrypt;

    @Option(names = "--encrypt-to", paramLabel = "KEYFILE",
            description = "Encrypt every file to this OpenPGP public key (gpg --export; repeatable); .gpg is appended.")
    List<Path> recipients = new ArrayList<>();

    /** Whether any protection was asked for. */
    boolean any() {
        return compress || level != null || encrypt || !recipients.isEmpty();
    }

    /**
     * What the protection asked for appends to file names ({@link OutputProtection#suffix()}),
     * known before any key is read or derived, so that output paths are checked first.
     *
     * @throws ConfigurationException for options that do not go together, or a bad level
     */
    String suffix() {
        if (encrypt && !recipients.isEmpty()) {
            throw new ConfigurationException("Give either --encrypt or --encrypt-to, not both");
        }
        if (level != null && (level < 1 || level > 19)) {
            throw new ConfigurationException("--compress-level must be from 1 to 19, not " + level);
        }
        return (compression() > 0 ? ".zst" : "") + (encrypt ? ".enc" : recipients.isEmpty() ? "" : ".gpg");
    }

    /**
     * The protection asked for; with {@code --encrypt}, the key is derived now (a fraction of a second).
     *
     * @throws ConfigurationException for options that do not go together, a bad level, a missing passphrase or key file
     */
    OutputProtection protection(Secrets secrets) {
        suffix();
        return new OutputProtection(compression(), encryption(secrets));
    }

    private int compression() {
        return level != null ? level : compress ? OutputProtection.DEFAULT_LEVEL : 0;
    }

    private Encryption encryption(Secrets secrets) {
        if (encrypt) {
            char[] passphrase = secrets.forEncryption();
            try {
                return PassphraseEncryption.derive(passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }
        if (recipients.isEmpty()) {
            return NoEncryption.INSTANCE;
        }
        for (Path file : recipients) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException("--encrypt-to " + file + ": no such readable file");
            }
        }
        try {
            return PublicKeyEncryption.load(recipients);
        } catch (IOException e) {
            throw new ConfigurationException("--encrypt-to: " + e.getMessage());
        }
    }
}
