package dev.dbsurveyor.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Loads the catalog queries kept as plain SQL files beside an adapter's classes. */
public final class SqlResources {

    private SqlResources() {
    }

    /**
     * The query in {@code file} (relative to {@code anchor}'s package) without its comment lines,
     * so that queries can be joined into one multi-statement string.
     */
    public static String load(Class<?> anchor, String file) {
        try (InputStream in = anchor.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Catalog query " + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.stripLeading().startsWith("--"))
                    .collect(Collectors.joining("\n"))
                    .strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
