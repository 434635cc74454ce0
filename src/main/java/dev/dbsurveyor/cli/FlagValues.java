package dev.dbsurveyor.cli;

import dev.dbsurveyor.config.ConfigurationException;

import java.util.function.BiConsumer;

/** Hands flag values to the library's builders, so that a refused value's error names its flag. */
final class FlagValues {

    private FlagValues() {
    }

    /** Passes {@code value} to {@code setter} unless the flag was not given (null). */
    static <B, T> void apply(String flag, T value, B builder, BiConsumer<B, T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(builder, value);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(flag + ": " + e.getMessage());
        }
    }
}
