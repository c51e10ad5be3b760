package prepbench.scales.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A balance behind a TCP port, such as a serial-to-Ethernet converter or a balance with a
 * network interface.
 */
public record TcpTransport(String host, int port, Duration connectTimeout, Duration readTimeout) implements Transport {

    @Override
    public Link open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new StreamLink(socket.getInputStream(), socket.getOutputStream(), socket);
        }
        catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }
}
