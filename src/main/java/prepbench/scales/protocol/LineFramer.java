package prepbench.scales.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts the bytes a balance sends, as they arrive, into lines. A line ends with CR LF, CR
 * alone or LF alone; a line torn across reads is joined, lines merged in one read are
 * split, and empty lines (such as the LF of a CR LF that arrived in a later read) are
 * skipped. Bytes decode as ISO-8859-1: each byte is one character. A lone ACK byte (0x06)
 * at the start of a line is a line of its own: A&amp;D balances send it without a
 * terminator.
 * <p>
 * A line longer than the maximum is dropped whole and counted; framing starts again after
 * its terminator. No byte makes the framer throw. Not thread-safe: one framer per
 * connection, fed by its reading thread.
 */
public final class LineFramer {

    private static final char ACK = 0x06;

    private final int maxLength;

    private final StringBuilder line = new StringBuilder();

    private boolean overlong;

    private long overlongLines;

    /**
     * @param maxLength the most characters a line may have, its terminator not counted
     */
    public LineFramer(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("A line must be allowed at least one character, not " + maxLength);
        }
        this.maxLength = maxLength;
    }

    /**
     * Takes the next bytes received and returns the lines they complete, in order; often
     * none.
     */
    public List<String> accept(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        List<String> lines = new ArrayList<>();
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (buffer[i] & 0xFF);
            if (c == '\r' || c == '\n') {
                end(lines);
            }
            else if (c == ACK && line.isEmpty() && !overlong) {
                lines.add(String.valueOf(ACK));
            }
            else if (line.length() == maxLength) {
                overlong = true;
                line.setLength(0);
            }
            else if (!overlong) {
                line.append(c);
            }
        }
        return lines;
    }

    /** How many lines were dropped for being longer than the maximum. */
    public long overlongLines() {
        return overlongLines;
    }

    private void end(List<String> lines) {
        if (overlong) {
            overlongLines++;
            overlong = false;
        }
        else if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        line.setLength(0);
    }

}
