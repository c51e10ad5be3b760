package prepbench.scales.connection;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A link made of a transport's two streams and what closes them. */
record StreamLink(InputStream in, OutputStream out, Closeable closer) implements Transport.Link {

    @Override
    public void close() throws IOException {
        closer.close();
    }
}
