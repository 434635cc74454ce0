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
 * A TCP proxy on loopback that records every byte that crosses it, both ways and per connection,
 * as a capture on the wire would: a test can search what client and server said for text that
 * must never cross in plaintext, or tell what the server was asked for (on a connection without
 * TLS, a MySQL statement is its text). Test code: two daemon threads per connection, named
 * {@code recording-proxy-*}.
 */
public final class RecordingProxy implements AutoCloseable {

    /** What crossed one connection, each way. */
    private record Connection(ByteArrayOutputStream toServer, ByteArrayOutputStream toClient) {
    }

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
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

    /** Everything the clients sent, one connection after another. */
    public byte[] sentToServer() {
        return joined(true);
    }

    /** Everything the server sent back, one connection after another. */
    public byte[] sentToClient() {
        return joined(false);
    }

    /** Whether {@code text} (as UTF-8) crossed in either direction on one connection. */
    public boolean carried(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return connections.stream().anyMatch(connection -> contains(bytes(connection.toServer()), needle)
                || contains(bytes(connection.toClient()), needle));
    }

    /** How many bytes crossed, both ways. */
    public int bytes() {
        return sentToServer().length + sentToClient().length;
    }

    /**
     * Everything clients sent since the proxy started or was last {@linkplain #forget() told to
     * forget}, as ISO-8859-1 text, a line break after each connection.
     */
    public String clientBytes() {
        StringBuilder text = new StringBuilder();
        connections.forEach(connection -> text.append(new String(bytes(connection.toServer()), StandardCharsets.ISO_8859_1)).append('\n'));
        return text.toString();
    }

    /** Forgets what crossed so far. */
    public void forget() {
        connections.clear();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private byte[] joined(boolean toServer) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        connections.forEach(connection -> all.writeBytes(bytes(toServer ? connection.toServer() : connection.toClient())));
        return all.toByteArray();
    }

    private static byte[] bytes(ByteArrayOutputStream record) {
        synchronized (record) {
            return record.toByteArray();
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
                Connection connection = new Connection(new ByteArrayOutputStream(), new ByteArrayOutputStream());
                connections.add(connection);
                start("recording-proxy-up", client, upstream, connection.toServer());
                start("recording-proxy-down", upstream, client, connection.toClient());
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
                synchronized (record) {
                    record.write(buffer, 0, read);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away: both are closed below.
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
