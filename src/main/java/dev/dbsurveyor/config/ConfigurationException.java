package dev.dbsurveyor.config;

/**
 * A setting a user gave is unusable: a malformed URL, an option out of range, a variable that
 * does not parse. The message is one sentence that names the setting and never contains a secret.
 */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
