package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;
import dev.dbsurveyor.config.Environment;
import dev.dbsurveyor.io.protection.Decryption;
import dev.dbsurveyor.io.protection.PassphraseEncryption;

import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/**
 * The secrets of one command, each asked for at most once, never from a flag: the passphrase of
 * {@code --encrypt} and of the files it writes ({@value #PASSPHRASE}, or the terminal), and the
 * passphrase of a protected {@code --decrypt-key} ({@value #KEY_PASSPHRASE}, or the terminal).
 * Closing clears them.
 */
final class Secrets implements AutoCloseable {

    static final String PASSPHRASE = "DBSURVEYOR_ENCRYPTION_PASSWORD";
    static final String KEY_PASSPHRASE = "DBSURVEYOR_DECRYPT_KEY_PASSWORD";

    private final Environment environment;
    private final Console console;
    private char[] passphrase;
    private char[] keyPassphrase;

    Secrets(Environment environment) {
        this(environment, System.console());
    }

    Secrets(Environment environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    /**
     * The passphrase to encrypt with: the variable's, or one typed twice on the terminal.
     *
     * @throws ConfigurationException when there is neither, the two differ, or it is too short
     */
    synchronized char[] forEncryption() {
        if (passphrase == null) {
            Optional<String> set = environment.setting(PASSPHRASE);
            if (set.isPresent()) {
                passphrase = set.get().toCharArray();
            } else {
                if (console == null) {
                    throw new ConfigurationException("--encrypt needs a passphrase: set " + PASSPHRASE + ", or run on a terminal to type it");
                }
                char[] first = read("Passphrase for the output: ");
                char[] again = read("The same passphrase again: ");
                boolean same = Arrays.equals(first, again);
                Arrays.fill(again, '\0');
                if (!same) {
                    Arrays.fill(first, '\0');
                    throw new ConfigurationException("the two passphrases differ");
                }
                passphrase = first;
            }
        }
        if (Character.codePointCount(passphrase, 0, passphrase.length) < PassphraseEncryption.MINIMUM_LENGTH) {
            throw new ConfigurationException("the passphrase must be at least " + PassphraseEncryption.MINIMUM_LENGTH + " characters long");
        }
        return passphrase.clone();
    }

    /** The passphrase of encrypted files, asked for when the first one needs it. */
    Decryption.Secret passphrase() {
        return () -> {
            synchronized (this) {
                if (passphrase == null) {
                    passphrase = variableOrPrompt(PASSPHRASE, "Passphrase of the encrypted files: ");
                }
                return Optional.ofNullable(passphrase).map(char[]::clone);
            }
        };
    }

    /** The passphrase of a protected secret key, asked for when the first key needs it. */
    Decryption.Secret keyPassphrase() {
        return () -> {
            synchronized (this) {
                if (keyPassphrase == null) {
                    keyPassphrase = variableOrPrompt(KEY_PASSPHRASE, "Passphrase of the secret key: ");
                }
                return Optional.ofNullable(keyPassphrase).map(char[]::clone);
            }
        };
    }

    private char[] variableOrPrompt(String variable, String prompt) {
        Optional<String> set = environment.setting(variable);
        if (set.isPresent()) {
            return set.get().toCharArray();
        }
        return console == null ? null : read(prompt);
    }

    private char[] read(String prompt) {
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new ConfigurationException("no passphrase was typed");
        }
        return typed;
    }

    @Override
    public synchronized void close() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
        if (keyPassphrase != null) {
            Arrays.fill(keyPassphrase, '\0');
        }
    }
}
