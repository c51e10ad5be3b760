package prepbench.scales.connection;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** How bytes reach a balance: a TCP socket or a serial port. */
public interface Transport {

    /**
     * Opens a new link; a read on it times out (SocketTimeoutException or a zero-length
     * read) rather than hang.
     */
    Link open() throws IOException;

    /**
     * A human-readable address for diagnostics, e.g. {@code tcp 10.0.0.5:4001} or
     * {@code serial /dev/ttyUSB0 9600 8N1}.
     */
    String describe();

    /** An open link to a balance. */
    interface Link extends Closeable {

        InputStream in();

        OutputStream out();

    }

}
