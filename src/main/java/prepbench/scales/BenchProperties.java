package prepbench.scales;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The benches of this station, each with its balance: {@code prepbench.benches[0].id=bench-1},
 * {@code prepbench.benches[0].scale.protocol=simulated}.
 */
@ConfigurationProperties("prepbench")
public record BenchProperties(List<BenchConfig> benches) {

    public BenchProperties {
        benches = benches == null ? List.of() : List.copyOf(benches);
    }

    /** One bench: its id and its balance. */
    public record BenchConfig(String id, @DefaultValue ScaleConfig scale) {
    }

    /**
     * How to reach a balance. Only {@code simulated} is built in so far.
     *
     * @param settleMs how long the simulated balance takes to settle on a new load
     */
    public record ScaleConfig(@DefaultValue("simulated") String protocol, @DefaultValue("6200") String capacityG,
            @DefaultValue("1500") long settleMs) {
    }
}
