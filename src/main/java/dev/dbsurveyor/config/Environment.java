package dev.dbsurveyor.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment and home directory, passed explicitly so that settings read from them
 * can be tested without touching the real ones.
 */
public record Environment(Map<String, String> variables, Path home) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment variables and the user's home directory. */
    public static Environment system() {
        return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** A variable's value, absent when unset or blank. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** A variable's value as set, blank included; absent only when unset. */
    public Optional<String> setting(String name) {
        return Optional.ofNullable(variables.get(name));
    }
}
