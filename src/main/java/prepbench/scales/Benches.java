package prepbench.scales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * The benches of this station and their balances: readings, zero and tare, and the simulated balances' controls.
 * Each bench has one balance connection, shared by every user and page watching it.
 */
@Service
public class Benches {

    private final Map<String, Bench> benches = new LinkedHashMap<>();
    private final Map<String, Duration> settleTimes = new LinkedHashMap<>();

    Benches(BenchProperties properties, Clock clock, ScaleReadability readability) {
        for (BenchProperties.BenchConfig config : properties.benches()) {
            if (config.id() == null || config.id().isBlank()) {
                throw new IllegalStateException("prepbench.benches[].id is required for every bench");
            }
            if (!"simulated".equals(config.scale().protocol())) {
                throw new IllegalStateException("Bench " + config.id() + ": balance protocol '"
                        + config.scale().protocol() + "' is not supported; use 'simulated'");
            }
            long seed = config.id().hashCode();
            benches.put(config.id(), new Bench(new SimulatedBalance(config.id(), clock, readability.grams(),
                    new BigDecimal(config.scale().capacityG()), seed), clock));
            settleTimes.put(config.id(), Duration.ofMillis(config.scale().settleMs()));
        }
    }

    /** The ids of the benches, in configuration order. */
    public List<String> ids() {
        return List.copyOf(benches.keySet());
    }

    public boolean exists(String id) {
        return id != null && benches.containsKey(id);
    }

    /** The bench a preparation uses when none was chosen: the first configured one. */
    public Optional<String> defaultBench() {
        return benches.keySet().stream().findFirst();
    }

    /** The bench's current reading. */
    public Reading reading(String id) {
        return bench(id).read();
    }

    /** When the bench last read a stable zero, or was zeroed or tared; null when never. */
    public Instant zeroedAt(String id) {
        return bench(id).zeroedAt();
    }

    /** @throws ScaleCommandRefused when the balance cannot zero now (moving, offline, overloaded) */
    public void zero(String id) {
        bench(id).zero();
    }

    /** @throws ScaleCommandRefused when the balance cannot tare now (moving, offline, overloaded) */
    public void tare(String id) {
        bench(id).tare();
    }

    public boolean isSimulated(String id) {
        return bench(id).scale() instanceof SimulatedBalance;
    }

    /**
     * Drives a simulated balance: puts a gross load of {@code grams} on its pan, reached over the settle time
     * (the bench's configured one when null), with optional noise.
     */
    public SimulatedBalance.Settings simulate(String id, BigDecimal grams, Duration settle, BigDecimal noiseG,
            Boolean offline) {
        if (!(bench(id).scale() instanceof SimulatedBalance simulated)) {
            throw new NotSimulated(id);
        }
        if (offline != null) {
            simulated.setOffline(offline);
        }
        if (grams != null) {
            simulated.load(grams, settle != null ? settle : settleTimes.get(id),
                    noiseG != null ? noiseG : BigDecimal.ZERO);
        }
        return simulated.settings();
    }

    private Bench bench(String id) {
        Bench bench = id == null ? null : benches.get(id);
        if (bench == null) {
            throw new UnknownBench(id);
        }
        return bench;
    }
}
