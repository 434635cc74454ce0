package dev.dbsurveyor.testing;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once per test JVM, so that any blocking call on a Reactor non-blocking
 * thread fails the test that made it. Allow-lists stay narrow and say why. The integration tests
 * install it before their first class runs ({@link NonBlockingGuardExtension}): installed later,
 * it would kill Reactor scheduler threads that were already waiting for work.
 */
public final class NonBlockingGuard {

    private static boolean installed;

    private NonBlockingGuard() {
    }

    public static synchronized void install() {
        if (!installed) {
            BlockHound.install(builder -> builder
                    // The JDK seeds an SSL context from /dev/urandom, which never blocks; drivers
                    // build one per TLS connection (PostgreSQL's sslmode=prefer included).
                    .allowBlockingCallsInside("sun.security.ssl.SSLContextImpl", "engineInit")
                    // SCRAM authentication draws its client nonce from SecureRandom, the same source.
                    .allowBlockingCallsInside("com.ongres.scram.client.ScramClient$Builder", "build"));
            installed = true;
        }
    }
}
