package prepbench.scales;

import java.time.Instant;
import java.util.List;

/**
 * A bench as the diagnostics page shows it.
 *
 * @param reading the reading as a capture would see it now (offline when stale)
 * @param lastReading the last reading received, however old; null when none
 * @param rawLines the last lines received, control characters made visible
 * @param model the model the balance reported on its connection (MT-SICS {@code I2});
 * null when not reported
 * @param serialNumber the serial number it reported (MT-SICS {@code I4}); null when not
 * reported
 */
public record BenchStatus(String id, String protocol, String transport, String mode, String connection, int reconnects,
        String lastError, Reading reading, Reading lastReading, List<RawLine> rawLines, long overlongLines,
        String model, String serialNumber) {

    public BenchStatus {
        rawLines = List.copyOf(rawLines);
    }

    /** A line as received, when it came. */
    public record RawLine(Instant at, String text) {
    }
}
