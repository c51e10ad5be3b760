package prepbench.scales.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A balance behind a TCP port, such as a serial-to-Ethernet converter or a balance with a network interface. */
public record TcpTransport(String host, int port, Duration connectTimeout, Duration readTimeout) implements Transport {

    @Override
    public Link open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            return new Link() {
                @Override
                public InputStream in() {
                    return in;
                }

                @Override
                public OutputStream out() {
                    return out;
                }

                @Override
                public void close() throws IOException {
                    socket.close();
                }
            };
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
