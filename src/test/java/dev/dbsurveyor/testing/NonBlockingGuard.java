package dev.dbsurveyor.testing;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once per test JVM, so that any blocking call on a Reactor non-blocking
 * thread fails the test that made it. Allow-lists stay narrow and say why.
 */
public final class NonBlockingGuard {

    private static boolean installed;

    private NonBlockingGuard() {
    }

    public static synchronized void install() {
        if (!installed) {
            BlockHound.install();
            installed = true;
        }
    }
}
