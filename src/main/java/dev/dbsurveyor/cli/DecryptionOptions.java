package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.io.protection.Decryption;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a command reads encrypted input: the passphrase from the environment or a prompt, secret keys from files. */
final class DecryptionOptions {

    @Option(names = "--decrypt-key", paramLabel = "KEYFILE",
            description = "An OpenPGP secret key file (gpg --export-secret-keys) to read .gpg files with (repeatable). "
                    + "A protected key's passphrase comes from " + Secrets.KEY_PASSPHRASE + " or a prompt; "
                    + ".enc files' passphrase from " + Secrets.PASSPHRASE + " or a prompt.")
    List<Path> keyFiles = new ArrayList<>();

    /** The keys, the key files read now. @throws ConfigurationException naming a key file that cannot be used */
    Decryption keys(Secrets secrets) {
        for (Path file : keyFiles) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException("--decrypt-key " + file + ": no such readable file");
            }
        }
        try {
            return Decryption.of(secrets.passphrase(), keyFiles, secrets.keyPassphrase());
        } catch (IOException e) {
            throw new ConfigurationException("--decrypt-key: " + e.getMessage());
        }
    }
}
