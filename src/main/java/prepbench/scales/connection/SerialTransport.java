package prepbench.scales.connection;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A balance on a serial port, through jSerialComm.
 *
 * @param parity none, even, odd, mark or space
 * @param stopBits 1 or 2
 */
public record SerialTransport(String portName, int baud, String parity, int dataBits, int stopBits,
        Duration readTimeout) implements Transport {

    @Override
    public Link open() throws IOException {
        SerialPort port = SerialPort.getCommPort(portName);
        port.setComPortParameters(baud, dataBits, stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                parityCode());
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) readTimeout.toMillis(), 0);
        if (!port.openPort()) {
            throw new IOException("Serial port " + portName + " cannot be opened (missing, busy or no permission)");
        }
        return new StreamLink(port.getInputStream(), port.getOutputStream(), port::closePort);
    }

    private int parityCode() {
        return switch (parity.toLowerCase(Locale.ROOT)) {
            case "even", "e" -> SerialPort.EVEN_PARITY;
            case "odd", "o" -> SerialPort.ODD_PARITY;
            case "mark", "m" -> SerialPort.MARK_PARITY;
            case "space", "s" -> SerialPort.SPACE_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    @Override
    public String describe() {
        return "serial " + portName + " " + baud + " " + dataBits + parity.toUpperCase(Locale.ROOT).charAt(0)
                + stopBits;
    }
}
