package prepbench.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP forwarder between a client and a server that a test opens and shuts: shut, it
 * refuses connections and cuts those open, as a network that went down does.
 */
public final class TcpGate implements AutoCloseable {

    private final int port;

    private final int target;

    /** The connections open now; guarded by this. */
    private final List<Socket> sockets = new ArrayList<>();

    /** Guarded by this. */
    private ServerSocket server;

    /** While set: a connection whose client sends this stops getting answers. */
    private volatile String holdAfter;

    /** A gate on a free port to the local port {@code target}, shut. */
    public TcpGate(int target) throws IOException {
        this.target = target;
        this.port = Processes.freePort();
    }

    public int port() {
        return port;
    }

    /** Lets connections through again. */
    public synchronized void open() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress("127.0.0.1", port));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "tcp-gate-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * From now on, a connection on which the client sends {@code request} (for example an
     * HTTP request line, seen whole in one read) still delivers what the client sends to
     * the server, but the server's answers on it are dropped: the client waits for an
     * answer that was given and never comes. Null: new requests are answered again.
     */
    public void holdAnswersTo(String request) {
        holdAfter = request;
    }

    /** Refuses new connections and cuts those open. */
    public synchronized void shut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            }
            catch (IOException closed) {
                return;
            }
            try {
                Socket upstream = new Socket("127.0.0.1", target);
                synchronized (this) {
                    if (server != listening) {
                        // shut (or shut and opened again) while this one was accepted
                        client.close();
                        upstream.close();
                        continue;
                    }
                    sockets.add(client);
                    sockets.add(upstream);
                }
                AtomicBoolean held = new AtomicBoolean();
                pump(client, upstream, held, false);
                pump(upstream, client, held, true);
            }
            catch (IOException serverDown) {
                // as the server itself would: the connection is refused
                close(client);
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean held, boolean answers) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16_384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0;) {
                    String marker = holdAfter;
                    if (!answers && marker != null
                            && new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains(marker)) {
                        held.set(true);
                    }
                    if (answers && held.get()) {
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException cut) {
                // the other side or the gate closed it
            }
            finally {
                close(from);
                close(to);
            }
        }, "tcp-gate-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException alreadyClosed) {
            // nothing more to close
        }
    }

    @Override
    public void close() throws IOException {
        shut();
    }

}
