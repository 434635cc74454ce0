package dev.dbsurveyor.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback that forwards every chunk, both ways, {@code delayMillis} after it
 * arrived: added network latency without root on the database host and without limiting
 * throughput. Benchmark code only: one reader and one writer thread per direction and connection,
 * all named {@code delay-proxy-*} so that a harness can leave them out of its thread counts. It
 * counts the connections open at once, and can hand each connection's server bytes to an observer.
 */
final class DelayProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final java.util.function.Supplier<ServerBytes> observers;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakConnections = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean open = true;

    /** What a connection's server sends, chunk by chunk, in order. */
    interface ServerBytes {
        void accept(byte[] chunk, int length);
    }

    DelayProxy(String targetHost, int targetPort, long delayMillis) throws IOException {
        this(targetHost, targetPort, delayMillis, () -> (chunk, length) -> { });
    }

    /** @param observers one observer per new connection, for the bytes its server sends */
    DelayProxy(String targetHost, int targetPort, long delayMillis, java.util.function.Supplier<ServerBytes> observers) throws IOException {
        this.observers = observers;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        Thread acceptor = new Thread(this::accept, "delay-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The most connections open at once since the last call; starts again from those open now. */
    int takePeakConnections() {
        return peakConnections.getAndSet(connections.get());
    }

    int openConnections() {
        return connections.get();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(targetHost, targetPort));
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                peakConnections.accumulateAndGet(connections.incrementAndGet(), Math::max);
                java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
                Runnable closed = () -> {
                    if (counted.getAndSet(false)) {
                        connections.decrementAndGet();
                    }
                };
                pipe(client, server, (chunk, length) -> { }, closed);
                pipe(server, client, observers.get(), closed);
            } catch (IOException e) {
                if (open) {
                    System.err.println("delay proxy: " + e.getMessage());
                }
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    /** Reads from {@code from} as fast as it comes and writes each chunk to {@code to} once its delay is over. */
    private void pipe(Socket from, Socket to, ServerBytes observer, Runnable closed) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    observer.accept(buffer, read);
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // The connection ended; the writer closes the other side.
            }
            queue.add(new Chunk(0, null));
        }, "delay-proxy-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                for (Chunk chunk = queue.take(); chunk.bytes() != null; chunk = queue.take()) {
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // The other side went away.
            } finally {
                closeQuietly(to);
                closeQuietly(from);
                closed.run();
            }
        }, "delay-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }
}
