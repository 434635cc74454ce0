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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback that records every byte that crosses it, both ways, as a capture on
 * the wire would: what a client and a server say to each other through it can be searched
 * afterwards for text that must never cross in plaintext. Test code: two daemon threads per
 * connection, named {@code recording-proxy-*}.
 */
public final class RecordingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress server;
    private final ByteArrayOutputStream toServer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream toClient = new ByteArrayOutputStream();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    public RecordingProxy(String serverHost, int serverPort) throws IOException {
        this.server = new InetSocketAddress(serverHost, serverPort);
        this.listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "recording-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Everything the clients sent, in arrival order per connection (connections interleave). */
    public synchronized byte[] sentToServer() {
        return toServer.toByteArray();
    }

    /** Everything the server sent back. */
    public synchronized byte[] sentToClient() {
        return toClient.toByteArray();
    }

    /** Whether {@code text} (as UTF-8) crossed in either direction. */
    public boolean carried(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return contains(sentToServer(), needle) || contains(sentToClient(), needle);
    }

    /** How many bytes crossed, both ways. */
    public synchronized int bytes() {
        return toServer.size() + toClient.size();
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

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(server);
                sockets.add(client);
                sockets.add(upstream);
                start(client, upstream, toServer);
                start(upstream, client, toClient);
            } catch (IOException e) {
                // The listener closed, or the server refused one connection: the client sees it closed.
            }
        }
    }

    private void start(Socket from, Socket to, ByteArrayOutputStream record) {
        Thread thread = new Thread(() -> copy(from, to, record), "recording-proxy-copy");
        thread.setDaemon(true);
        thread.start();
    }

    private void copy(Socket from, Socket to, ByteArrayOutputStream record) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (this) {
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
