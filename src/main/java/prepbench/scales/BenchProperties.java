package prepbench.scales;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The benches of this station, each with its balance:
 * {@code prepbench.benches[0].id=bench-1},
 * {@code prepbench.benches[0].scale.protocol=simulated}. A demo station may add
 * {@code prepbench.simulated-benches} simulated benches more, {@code sim-1} to
 * {@code sim-N}, without listing them (a training room, the tests).
 */
@ConfigurationProperties("prepbench")
public record BenchProperties(List<BenchConfig> benches, @DefaultValue("0") int simulatedBenches) {

    public BenchProperties {
        benches = benches == null ? List.of() : List.copyOf(benches);
    }

    /** One bench: its id and its balance. */
    public record BenchConfig(String id, @DefaultValue ScaleConfig scale) {
    }

    /**
     * How to reach a balance.
     *
     * @param protocol {@code ad}, {@code mt-sics}, {@code sbi} or {@code ohaus};
     * {@code simulated} (in-process) only on a demo station, where a bench without a
     * protocol is simulated too
     * @param transport {@code tcp} (host, port) or {@code serial} (serialPort, baud,
     * parity, dataBits, stopBits)
     * @param mode {@code poll} (ask for each reading every pollIntervalMs) or
     * {@code continuous} (the balance streams); polling by default
     * @param capacityG the simulated balance's capacity
     * @param settleMs how long the simulated balance takes to settle on a new load
     */
    public record ScaleConfig(String protocol, @DefaultValue("tcp") String transport, String host,
            @DefaultValue("0") int port, String serialPort, @DefaultValue("9600") int baud,
            @DefaultValue("none") String parity, @DefaultValue("8") int dataBits, @DefaultValue("1") int stopBits,
            @DefaultValue("poll") String mode, @DefaultValue("100") long pollIntervalMs,
            @DefaultValue("6200") String capacityG, @DefaultValue("1500") long settleMs) {
    }
}
