package dev.dbsurveyor.cli;

import dev.dbsurveyor.model.CollectionStatus;
import dev.dbsurveyor.model.DatabaseSchema;
import dev.dbsurveyor.output.ContractMapper;
import dev.dbsurveyor.output.UpstreamLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * Work a command that connects will need, begun on a spare core while the command line is
 * parsed and the connection is made: the JDK's default TLS trust store (Netty reads and parses
 * every certificate of it before the first handshake) and Jackson's serializers of the document
 * (built by reflection the first time a document is written). Each costs tens of milliseconds in a
 * cold JVM; here it no longer waits in line. Nothing it does can change what the command does.
 */
final class Warmup {

    private static final Set<String> CONNECTING = Set.of("collect", "list", "test");

    private Warmup() {
    }

    /** Starts the warm-up for {@code args} when they name a command that connects. */
    static void start(String[] args) {
        if (args.length == 0 || !CONNECTING.contains(args[0])) {
            return;
        }
        boolean tls = Arrays.stream(args).noneMatch(arg -> arg.contains("sslmode=disable"));
        boolean documents = args[0].equals("collect");
        Thread warmup = new Thread(() -> run(tls, documents), "dbsurveyor-warmup");
        warmup.setDaemon(true);
        warmup.setPriority(Thread.MIN_PRIORITY);
        warmup.start();
    }

    private static void run(boolean tls, boolean documents) {
        try {
            if (tls) {
                Class.forName("io.netty.handler.ssl.JdkSslContext", true, Warmup.class.getClassLoader());
            }
            if (documents) {
                DatabaseSchema empty = DatabaseSchema.notCollected("warmup", CollectionStatus.SUCCESS, 0, Instant.EPOCH, "warmup");
                ContractMapper.mapper().writeValue(OutputStream.nullOutputStream(), empty);
                UpstreamLoader.refusals(empty);
            }
        } catch (ClassNotFoundException | IOException | RuntimeException | LinkageError ignored) {
            // Only a head start: the command does the same work itself when it needs it.
        }
    }
}
