package dev.dbsurveyor.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs {@link NonBlockingGuard} before the first test class of the unit and integration tests runs
 * (registered through {@code META-INF/services}, loaded where the build enables extension
 * autodetection). BlockHound must be installed before any Reactor thread starts: a scheduler
 * thread already waiting for work when it is installed is judged without its allow-list on
 * waking, and dies.
 */
public final class NonBlockingGuardExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        NonBlockingGuard.install();
    }
}
