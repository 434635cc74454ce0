package dev.dbsurveyor.testing;

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
 * A TCP proxy on loopback that forwards each chunk, both ways, {@code delayMillis} after it
 * arrived: network latency without {@code netem} (which this machine's kernel lacks) and without
 * a limit on throughput, as the benchmarks' delay proxy adds it. Test code: a reader and a writer
 * thread per direction and connection, daemons named {@code latency-proxy-*}.
 */
public final class LatencyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final long delayNanos;

    public LatencyProxy(String serverHost, int serverPort, long delayMillis) throws IOException {
        this.server = new InetSocketAddress(serverHost, serverPort);
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "latency-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // The listener closed, or the server refused one connection: the client sees it closed.
            }
        }
    }

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private void pipe(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        daemon("latency-proxy-read", () -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                InputStream in = from.getInputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException e) {
                // The connection ended: the writer closes the other side.
            }
            queue.add(new Chunk(0, null));
        });
        daemon("latency-proxy-write", () -> {
            try {
                OutputStream out = to.getOutputStream();
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
            }
            try {
                to.close();
                from.close();
            } catch (IOException e) {
                // Already closed.
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
