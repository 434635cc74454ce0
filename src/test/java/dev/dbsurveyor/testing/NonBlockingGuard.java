package dev.dbsurveyor.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

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

    /**
     * The JDK reads {@code net.properties} from disk when the JVM's first socket is made: done here,
     * on a thread that may block, it cannot fall to whichever event loop happens to open the first
     * connection of a test run.
     */
    private static void initialiseSockets() {
        try (java.net.Socket unused = new java.net.Socket()) {
            unused.getReuseAddress();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static synchronized void install() {
        if (!installed) {
            BlockHound.install(builder -> builder
                    // A host name lookup asks the system resolver and waits for DNS; BlockHound does not
                    // know it as blocking. The JDK's own lookup (JDK 17; JDK 21's takes a second argument)
                    // is marked, so that an IP literal, which needs no lookup, stays allowed.
                    .markAsBlocking("java.net.Inet6AddressImpl", "lookupAllHostAddr", "(Ljava/lang/String;)[Ljava/net/InetAddress;")
                    .markAsBlocking("java.net.Inet4AddressImpl", "lookupAllHostAddr", "(Ljava/lang/String;)[Ljava/net/InetAddress;")
                    .markAsBlocking("java.net.Inet6AddressImpl", "lookupAllHostAddr", "(Ljava/lang/String;I)[Ljava/net/InetAddress;")
                    .markAsBlocking("java.net.Inet4AddressImpl", "lookupAllHostAddr", "(Ljava/lang/String;I)[Ljava/net/InetAddress;")
                    // The JDK seeds an SSL context from /dev/urandom, which never blocks; drivers
                    // build one per TLS connection (PostgreSQL's sslmode=prefer included).
                    .allowBlockingCallsInside("sun.security.ssl.SSLContextImpl", "engineInit")
                    // SCRAM authentication draws its client nonce from SecureRandom, the same source.
                    .allowBlockingCallsInside("com.ongres.scram.client.ScramClient$Builder", "build")
                    // Netty 4.2's adaptive allocator takes a short write lock when it adds a magazine under
                    // contention, on the event loop by design; seen once as a spurious connection error in SweepIT.
                    .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines")
                    // Jackson builds a type's first deserializer under a lock, which parks a second event loop
                    // that wants one at the same moment (CI saw it once in a sweep): marked, any build on an
                    // event loop fails every time, not only when two race. Readers are made beforehand instead.
                    .markAsBlocking("com.fasterxml.jackson.databind.deser.DeserializerCache", "_createAndCacheValueDeserializer",
                            "(Lcom/fasterxml/jackson/databind/DeserializationContext;Lcom/fasterxml/jackson/databind/deser/DeserializerFactory;"
                                    + "Lcom/fasterxml/jackson/databind/JavaType;)Lcom/fasterxml/jackson/databind/JsonDeserializer;")
                    // SQLite's JDBC driver opens, reads and locks files inside native calls, which BlockHound
                    // cannot look into: marked, a SQLite call on a non-blocking thread fails the test.
                    .markAsBlocking("org.sqlite.core.NativeDB", "_open_utf8", "([BI)V")
                    .markAsBlocking("org.sqlite.core.NativeDB", "_exec_utf8", "([B)I")
                    .markAsBlocking("org.sqlite.core.NativeDB", "prepare_utf8", "([B)J")
                    .markAsBlocking("org.sqlite.core.NativeDB", "step", "(J)I")
                    // The error names the method only, and a collection records no stack: print where it was called.
                    .blockingMethodCallback(method -> {
                        BlockingOperationError error = new BlockingOperationError(method);
                        error.printStackTrace();
                        throw error;
                    }));
            initialiseSockets();
            installed = true;
        }
    }
}
