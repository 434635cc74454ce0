package dev.dbsurveyor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of a database server that keeps every byte clients send, so
 * that a test can tell what the server was asked for (on a connection without TLS, a MySQL
 * statement is its text). Test code: two daemon threads per connection, named {@code recording-proxy-*}.
 */
public final class RecordingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final List<ByteArrayOutputStream> sent = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    public RecordingProxy(String serverHost, int serverPort) throws IOException {
        this.server = new InetSocketAddress(serverHost, serverPort);
        this.listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "recording-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Everything clients sent since the proxy started or was last {@linkplain #forget() told to forget}, one connection after another. */
    public String clientBytes() {
        StringBuilder text = new StringBuilder();
        for (ByteArrayOutputStream connection : sent) {
            synchronized (connection) {
                text.append(connection.toString(StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    /** Forgets what was sent so far. */
    public void forget() {
        sent.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server);
                sockets.add(client);
                sockets.add(upstream);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                sent.add(record);
                start("recording-proxy-up", client, upstream, record);
                start("recording-proxy-down", upstream, client, null);
            } catch (IOException e) {
                // The listener closed, or the server refused one connection: the client sees it closed.
            }
        }
    }

    private static void start(String name, Socket from, Socket to, ByteArrayOutputStream record) {
        Thread thread = new Thread(() -> copy(from, to, record), name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void copy(Socket from, Socket to, ByteArrayOutputStream record) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (record != null) {
                    synchronized (record) {
                        record.write(buffer, 0, read);
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: the other is closed below.
        }
        close(from);
        close(to);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }
}
