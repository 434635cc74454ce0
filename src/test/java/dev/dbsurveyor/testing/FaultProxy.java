package dev.dbsurveyor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a database server that a test can break like a network:
 * stall connections (they stay open but nothing more passes, either way) or cut the ones open
 * now (both sockets reset). A stalled connection still
 * notices its client closing, and then closes, so that {@link #openConnections} tells whether
 * the client left any open. Test code: two daemon threads per connection, named {@code fault-proxy-*}.
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger stallsLeft = new AtomicInteger();
    private final AtomicInteger stalled = new AtomicInteger();
    private volatile int stallAtChunk;

    public FaultProxy(String serverHost, int serverPort) throws IOException {
        this.server = new InetSocketAddress(serverHost, serverPort);
        this.listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLinks, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections through the proxy that are open now, stalled ones included. */
    public int openConnections() {
        return links.size();
    }

    /**
     * The next {@code connections} connections whose client sends its chunk number
     * {@code clientChunk} (from 1) stall there: that chunk and everything after it, both ways, is
     * dropped for good, while the sockets stay open. Counting the client's chunks lets a test stall
     * a connection exactly when it sends its first query (for PostgreSQL with trust authentication
     * and {@code sslmode=prefer}: after the SSL request, the startup message and the
     * driver's own opening query, chunk 4).
     */
    public void stallAtClientChunk(int clientChunk, int connections) {
        stallAtChunk = clientChunk;
        stallsLeft.set(connections);
    }

    /** Connections open once those closing have gone (waits at most {@code patience} for none to be left). */
    public int openConnectionsAfter(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!links.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return links.size();
    }

    /** Every connection open now stops passing bytes, both ways, for good; its sockets stay open. */
    public void stallOpenConnections() {
        links.forEach(Link::stall);
    }

    /** How many connections have stalled so far. */
    public int stalledConnections() {
        return stalled.get();
    }

    /** Every connection open now is reset on both sides. */
    public void cutOpenConnections() {
        links.forEach(Link::cut);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutOpenConnections();
    }

    private void acceptLinks() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server);
                Link link = new Link(client, upstream);
                links.add(link);
                link.forward();
            } catch (IOException e) {
                // The listener closed, or the server refused one connection: the client sees it closed.
            }
        }
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger clientChunks = new AtomicInteger();
        private volatile boolean stalled;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void forward() {
            start("fault-proxy-up", client, upstream, this::countClientChunk);
            start("fault-proxy-down", upstream, client, () -> { });
        }

        private void countClientChunk() {
            if (clientChunks.incrementAndGet() == stallAtChunk && stallsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                stall();
            }
        }

        void stall() {
            if (!stalled) {
                stalled = true;
                FaultProxy.this.stalled.incrementAndGet();
            }
        }

        void cut() {
            reset(client);
            reset(upstream);
            links.remove(this);
        }

        private void start(String name, Socket from, Socket to, Runnable onChunk) {
            Thread thread = new Thread(() -> copy(from, to, onChunk), name);
            thread.setDaemon(true);
            thread.start();
        }

        private void copy(Socket from, Socket to, Runnable onChunk) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    onChunk.run();
                    if (!stalled) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // One side went away: the other is closed below.
            }
            close(from);
            close(to);
            links.remove(this);
        }

        private static void reset(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // Already closed: nothing to reset.
            }
            close(socket);
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already closed.
            }
        }
    }
}
