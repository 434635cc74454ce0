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
                    .allowBlockingCallsInside("com.ongres.scram.client.ScramClient$Builder", "build")
                    // Netty 4.2's adaptive allocator takes a short write lock when it adds a magazine under
                    // contention, on the event loop by design; seen once as a spurious connection error in SweepIT.
                    .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines"));
            installed = true;
        }
    }
}
