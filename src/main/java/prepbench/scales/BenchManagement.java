package prepbench.scales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import prepbench.scales.cluster.BenchCluster;
import prepbench.scales.connection.ConnectedBalance;
import prepbench.scales.connection.SerialTransport;
import prepbench.scales.connection.TcpTransport;
import prepbench.scales.connection.Transport;
import prepbench.scales.protocol.BalanceCodecs;

/**
 * The benches of this station and their balances: readings, zero and tare, and the
 * simulated balances' controls. Each bench has one balance connection, shared by every
 * user and page watching it.
 */
@Service
public class BenchManagement {

    /**
     * A reading older than this makes the bench offline: nothing can be captured from it.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(2);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Scale> benches = new LinkedHashMap<>();

    private final Map<String, Duration> settleTimes = new LinkedHashMap<>();

    private final List<BiConsumer<String, Reading>> listeners = new CopyOnWriteArrayList<>();

    private final boolean demo;

    private final BenchCluster cluster;

    /**
     * @param demo whether this is a demo station ({@code prepbench.demo-data}): only a
     * demo station may have simulated balances, and a bench without a protocol is one
     * only there
     * @param cluster present when this instance shares its benches with others
     * ({@code prepbench.cluster.enabled}): each balance is then connected by whichever
     * instance owns the bench
     */
    BenchManagement(BenchProperties properties, Clock clock, ScaleReadability readability,
            @Value("${prepbench.demo-data:false}") boolean demo, ObjectProvider<BenchCluster> cluster) {
        this.demo = demo;
        this.cluster = cluster.getIfAvailable();
        List<BenchProperties.BenchConfig> configs = properties.benches();
        for (int index = 0; index < configs.size(); index++) {
            BenchProperties.BenchConfig config = configs.get(index);
            String property = "prepbench.benches[" + index + "]";
            if (config.id() == null || config.id().isBlank()) {
                throw new BenchMisconfigured("Bench number " + (index + 1) + " has no id.",
                        "Set " + property + ".id, for example to bench-" + (index + 1) + ".");
            }
            if (benches.containsKey(config.id())) {
                throw new BenchMisconfigured("Bench " + config.id() + " is configured twice.",
                        "Give " + property + ".id a name no other bench has.");
            }
            benches.put(config.id(), scale(config, property, clock, readability));
            settleTimes.put(config.id(), Duration.ofMillis(config.scale().settleMs()));
        }
        if (this.cluster != null && (properties.simulatedBenches() > 0
                || benches.values().stream().anyMatch(SimulatedBalance.class::isInstance))) {
            throw new BenchMisconfigured(
                    "A simulated balance lives inside one instance, and prepbench.cluster.enabled shares every "
                            + "bench between instances.",
                    "Give each bench a real balance (protocol and transport), or run a single instance without "
                            + "prepbench.cluster.enabled.");
        }
        if (properties.simulatedBenches() > 0 && !demo) {
            throw new BenchMisconfigured(
                    "prepbench.simulated-benches asks for " + properties.simulatedBenches()
                            + " simulated benches, and simulated balances exist only on a demo station.",
                    "Remove prepbench.simulated-benches, or set prepbench.demo-data=true on a demo station.");
        }
        for (int number = 1; number <= properties.simulatedBenches(); number++) {
            String id = "sim-" + number;
            if (!benches.containsKey(id)) {
                benches.put(id,
                        new SimulatedBalance(id, clock, readability.grams(), new BigDecimal("6200"), id.hashCode()));
                settleTimes.put(id, Duration.ofMillis(1500));
            }
        }
        benches.values().forEach(bench -> {
            if (bench instanceof ConnectedBalance connected) {
                connected.start();
            }
        });
        if (this.cluster != null) {
            this.cluster.start();
        }
    }

    private Scale scale(BenchProperties.BenchConfig config, String property, Clock clock,
            ScaleReadability readability) {
        BenchProperties.ScaleConfig scale = config.scale();
        String id = config.id();
        String protocols = "ad, mt-sics, sbi or ohaus";
        if (scale.protocol() == null || scale.protocol().isBlank() || "simulated".equals(scale.protocol())) {
            if (!demo) {
                throw new BenchMisconfigured(
                        "Bench " + id + " has "
                                + (scale.protocol() == null || scale.protocol().isBlank() ? "no balance protocol"
                                        : "a simulated balance")
                                + ", and simulated balances exist only on a demo station (prepbench.demo-data=true).",
                        "Set " + property + ".scale.protocol to the balance's protocol (" + protocols + ") with its "
                                + "transport (" + property + ".scale.transport=tcp with .host and .port, or serial "
                                + "with .serial-port), or remove the bench.");
            }
            return new SimulatedBalance(id, clock, readability.grams(), new BigDecimal(scale.capacityG()),
                    id.hashCode());
        }
        var codec = BalanceCodecs.forProtocol(scale.protocol())
            .orElseThrow(() -> new BenchMisconfigured(
                    "Bench " + id + " has an unknown balance protocol '" + scale.protocol() + "'.",
                    "Set " + property + ".scale.protocol to " + protocols
                            + (demo ? " (or simulated on this demo station)" : "") + "."));
        Transport transport = switch (scale.transport()) {
            case "tcp" -> {
                if (scale.host() == null || scale.port() <= 0) {
                    throw new BenchMisconfigured("Bench " + id + " has a tcp balance without its address.",
                            "Set " + property + ".scale.host and " + property + ".scale.port.");
                }
                yield new TcpTransport(scale.host(), scale.port(), CONNECT_TIMEOUT, ConnectedBalance.READ_TICK);
            }
            case "serial" -> {
                if (scale.serialPort() == null) {
                    throw new BenchMisconfigured("Bench " + id + " has a serial balance without its port.",
                            "Set " + property + ".scale.serial-port, for example to /dev/ttyUSB0.");
                }
                yield new SerialTransport(scale.serialPort(), scale.baud(), scale.parity(), scale.dataBits(),
                        scale.stopBits(), ConnectedBalance.READ_TICK);
            }
            default ->
                throw new BenchMisconfigured("Bench " + id + " has an unknown transport '" + scale.transport() + "'.",
                        "Set " + property + ".scale.transport to tcp or serial.");
        };
        ConnectedBalance.Mode mode = "continuous".equals(scale.mode()) ? ConnectedBalance.Mode.CONTINUOUS
                : ConnectedBalance.Mode.POLL;
        Duration pollInterval = Duration.ofMillis(scale.pollIntervalMs());
        if (cluster != null) {
            return cluster.share(id, listener -> new ConnectedBalance(id, transport, codec, mode, pollInterval,
                    STALE_AFTER, clock, listener), this::arrived, balance -> named(id, balance), STALE_AFTER);
        }
        return new ConnectedBalance(id, transport, codec, mode, pollInterval, STALE_AFTER, clock,
                reading -> arrived(id, reading));
    }

    /**
     * Calls the listener with every reading a connected balance sends, as it arrives (not
     * for simulated ones).
     */
    public void onReading(BiConsumer<String, Reading> listener) {
        listeners.add(listener);
    }

    /** The ids of the benches, in configuration order. */
    public List<String> ids() {
        return List.copyOf(benches.keySet());
    }

    public boolean exists(String id) {
        return id != null && benches.containsKey(id);
    }

    /** The bench's current reading. */
    public Reading reading(String id) {
        return bench(id).read();
    }

    /**
     * @throws ScaleCommandRefused when the balance cannot zero now (moving, offline,
     * overloaded)
     */
    public void zero(String id) {
        bench(id).zero();
    }

    /**
     * @throws ScaleCommandRefused when the balance cannot tare now (moving, offline,
     * overloaded)
     */
    public void tare(String id) {
        bench(id).tare();
    }

    public boolean isSimulated(String id) {
        return bench(id) instanceof SimulatedBalance;
    }

    /**
     * The balance of a bench as a batch record names it: the bench, its protocol and
     * where it is connected, with the model and serial number the balance reported on
     * this connection (MT-SICS; the other protocols have no such command), or SIMULATED
     * for a demo station's simulated balance. At most 200 characters.
     */
    public String describe(String id) {
        Scale scale = bench(id);
        String description;
        if (cluster != null) {
            // the owner writes its description with its lease: this instance may not hold
            // the connection
            description = cluster.local(id)
                .map(connected -> named(id, connected))
                .or(() -> cluster.balanceOf(id))
                .orElse(id);
        }
        else {
            description = scale instanceof ConnectedBalance connected ? named(id, connected) : id + " (SIMULATED)";
        }
        return description.length() <= 200 ? description : description.substring(0, 199) + "…";
    }

    /**
     * A connected balance as the record names it: the bench, then how it is connected.
     */
    private static String named(String id, ConnectedBalance balance) {
        return id + " (" + connected(balance.diagnostics()) + ")";
    }

    /**
     * Protocol and transport, then the model and serial number when the balance reported
     * them.
     */
    private static String connected(ConnectedBalance.Diagnostics balance) {
        StringBuilder text = new StringBuilder(balance.protocol()).append(", ").append(balance.transport());
        if (balance.model() != null) {
            text.append(", model ").append(balance.model());
        }
        if (balance.serialNumber() != null) {
            text.append(", serial ").append(balance.serialNumber());
        }
        return text.toString();
    }

    /** A reading a connected balance sent: the listeners hear of it. */
    private void arrived(String id, Reading reading) {
        listeners.forEach(listener -> listener.accept(id, reading));
    }

    /** What the diagnostics page shows of every bench. */
    public List<BenchStatus> status() {
        return benches.entrySet().stream().map(entry -> {
            Scale scale = cluster == null ? entry.getValue()
                    : cluster.local(entry.getKey()).<Scale>map(local -> local).orElse(entry.getValue());
            Reading reading = entry.getValue().read();
            if (scale instanceof ConnectedBalance connected) {
                var diagnostics = connected.diagnostics();
                return new BenchStatus(entry.getKey(), diagnostics.protocol(), diagnostics.transport(),
                        diagnostics.mode(), diagnostics.state().name().toLowerCase(java.util.Locale.ROOT),
                        diagnostics.reconnects(), diagnostics.lastError(), reading, diagnostics.lastReading(),
                        diagnostics.rawLines()
                            .stream()
                            .map(line -> new BenchStatus.RawLine(line.at(), line.text()))
                            .toList(),
                        diagnostics.overlongLines(), diagnostics.model(), diagnostics.serialNumber());
            }
            if (cluster != null) {
                return new BenchStatus(entry.getKey(), "-", "another instance", "-", "remote", 0, null, reading,
                        reading, List.of(), 0, null, null);
            }
            return new BenchStatus(entry.getKey(), "simulated", "in-process", "-", "connected", 0, null, reading,
                    reading, List.of(), 0, null, null);
        }).toList();
    }

    /**
     * When this instance shares its benches with others: its name, whether the database's
     * notifications reach it, and who owns each bench.
     */
    public Optional<ClusterStatus> cluster() {
        if (cluster == null) {
            return Optional.empty();
        }
        return Optional.of(new ClusterStatus(cluster.instanceId(), cluster.listening(),
                cluster.owners()
                    .stream()
                    .map(owner -> new ClusterStatus.Owner(owner.benchId(), owner.instanceId(),
                            owner.instanceId().equals(cluster.instanceId()), owner.acquiredAt(),
                            owner.heartbeatAge().toMillis(), owner.current()))
                    .toList()));
    }

    /**
     * Whether this instance holds the bench's balance: the one that watches it (without a
     * cluster, every bench is this instance's).
     */
    public boolean isLocal(String id) {
        return cluster == null ? exists(id) : cluster.owns(id);
    }

    /**
     * Drives a simulated balance: puts a gross load of {@code grams} on its pan, reached
     * over the settle time (the bench's configured one when null), with optional noise.
     */
    public SimulatedBalance.Settings simulate(String id, BigDecimal grams, Duration settle, BigDecimal noiseG,
            Boolean offline) {
        if (!demo) {
            throw NotSimulated.notADemoStation();
        }
        if (!(bench(id) instanceof SimulatedBalance simulated)) {
            throw NotSimulated.realBalance(id);
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

    private Scale bench(String id) {
        Scale bench = id == null ? null : benches.get(id);
        if (bench == null) {
            throw new UnknownBench(id);
        }
        return bench;
    }

    @PreDestroy
    void disconnect() {
        benches.values().forEach(bench -> {
            if (bench instanceof ConnectedBalance connected) {
                connected.close();
            }
        });
    }

}
