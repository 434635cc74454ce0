package dev.dbsurveyor.server;

import java.util.Objects;

/**
 * A password. Its {@code toString} is a mask, so it cannot leak through logging, string
 * concatenation or an exception message; only {@link #reveal()} gives the text, to a driver.
 */
public final class Secret {

    /** What a secret looks like wherever it is printed. */
    public static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** The password itself; pass it to a driver and nowhere else. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
