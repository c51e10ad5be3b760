package prepbench.scales.cluster;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.scales.Reading;
import prepbench.scales.Scale;
import prepbench.scales.ScaleCommandRefused;
import prepbench.scales.ScaleState;
import prepbench.scales.connection.ConnectedBalance;

/**
 * This instance's part in a cluster of instances on one PostgreSQL (issue 17).
 * <ul>
 * <li><b>One owner per balance.</b> A lease row per bench ({@code bench_owners}): the
 * owner renews it every heartbeat; an instance takes a bench whose lease is older than
 * {@link ClusterProperties#lease()} (its owner died or hangs), by the database's clock,
 * in one statement, so two instances never both succeed. An owner that could not renew
 * for {@link ClusterProperties#fence()}, shorter than the lease, closes the balance's
 * connection before anyone may take it: at most one instance is connected to a balance at
 * any moment.
 * <li><b>Readings everywhere.</b> The owner publishes its balance's readings on the
 * channel {@code prepbench_readings}, the latest per bench every 50 ms at most; every
 * other instance keeps the latest it received and treats it as offline once it is older
 * than the staleness limit by its own clock.
 * <li><b>Commands from anywhere.</b> Zero and tare on an instance that does not own the
 * bench go to the owner on {@code prepbench_commands}; the owner answers on
 * {@code prepbench_command_done}; no answer within 3 s is a refusal (offline).
 * </ul>
 */
public final class BenchCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchCluster.class);

    static final String READINGS = "prepbench_readings";

    static final String COMMANDS = "prepbench_commands";

    static final String DONE = "prepbench_command_done";

    private static final Duration PUBLISH_EVERY = Duration.ofMillis(50);

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

    /**
     * Renews this instance's leases and takes those gone quiet, every bench in one
     * statement: a row comes back for each bench this instance owns now.
     */
    private static final String CLAIM = """
            INSERT INTO bench_owners (bench_id, instance_id, acquired_at, heartbeat_at, balance)
            SELECT v.bench, :me, now(), now(), v.balance FROM (VALUES %s) AS v (bench, balance)
            ON CONFLICT (bench_id) DO UPDATE
              SET instance_id = EXCLUDED.instance_id,
                  acquired_at = CASE WHEN bench_owners.instance_id = EXCLUDED.instance_id
                                     THEN bench_owners.acquired_at ELSE now() END,
                  heartbeat_at = now(),
                  balance = EXCLUDED.balance
              WHERE bench_owners.instance_id = EXCLUDED.instance_id
                 OR bench_owners.heartbeat_at < now() - make_interval(secs => :lease)
            RETURNING bench_id
            """;

    /**
     * An unchanged reading is published again after this, so that it never looks stale
     * elsewhere.
     */
    private static final Duration REPUBLISH_UNCHANGED = Duration.ofMillis(500);

    /** Who holds a bench's balance, as the diagnostics page shows it. */
    public record Owner(String benchId, String instanceId, Instant acquiredAt, Duration heartbeatAge, String balance,
            boolean current) {
    }

    private final JdbcClient jdbc;

    private final ClusterProperties properties;

    private final String instanceId;

    private final Clock clock;

    private final Notifications notifications;

    private final Map<String, ClusteredScale> scales = new ConcurrentHashMap<>();

    private final Map<String, Long> renewedAt = new ConcurrentHashMap<>();

    private final Map<String, Reading> toPublish = new ConcurrentHashMap<>();

    private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();

    private final Map<String, CompletableFuture<String>> awaiting = new ConcurrentHashMap<>();

    private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(3, daemon("cluster"));

    private final ExecutorService commands = Executors.newCachedThreadPool(daemon("cluster-command"));

    /**
     * @param dataSource the pool, for the leases and for sending notifications (a query
     * timeout of one heartbeat on the leases, so that a hanging database makes the owner
     * let go in time)
     * @param url, username, password for the one connection that listens
     */
    public BenchCluster(DataSource dataSource, ClusterProperties properties, String url, String username,
            String password, Clock clock) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout((int) Math.max(1, properties.heartbeat().toSeconds()));
        this.jdbc = JdbcClient.create(template);
        this.properties = properties;
        this.instanceId = properties.instanceId() != null && !properties.instanceId().isBlank()
                ? properties.instanceId() : defaultInstanceId();
        this.clock = clock;
        this.notifications = new Notifications(dataSource, url, username, password,
                Map.of(READINGS, this::readingArrived, COMMANDS, this::commandArrived, DONE, this::commandDone));
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException unknown) {
            host = "instance";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * A bench this instance shares with the others.
     * @param connect opens the balance's connection (started by the cluster) with a
     * listener for its readings
     * @param listener hears every reading of the bench, the owner's own and those
     * published by another owner
     * @param describe what the batch record names of the balance, written with the lease
     * for the instances that do not own it
     */
    public Scale share(String benchId, Function<Consumer<Reading>, ConnectedBalance> connect,
            BiConsumer<String, Reading> listener, Function<ConnectedBalance, String> describe, Duration staleAfter) {
        ClusteredScale scale = new ClusteredScale(benchId, connect, reading -> listener.accept(benchId, reading),
                describe, this, staleAfter, clock);
        scales.put(benchId, scale);
        return scale;
    }

    /** Starts listening, claiming and publishing. */
    public void start() {
        notifications.start();
        ticker.scheduleWithFixedDelay(always("heartbeat", this::heartbeat), 0, properties.heartbeat().toMillis(),
                TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(always("fence", this::fence), 100, 100, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(always("publish", this::publish), PUBLISH_EVERY.toMillis(),
                PUBLISH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A periodic task that survives its own failure: an exception would cancel every
     * later run (the heartbeat stopping for good would leave this instance without any
     * bench).
     */
    private static Runnable always(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            }
            catch (RuntimeException failed) {
                log.warn("Cluster {} failed, tried again at the next tick: {}", name, failed.toString());
            }
        };
    }

    /** Whether this instance holds the bench's balance connection now. */
    public boolean owns(String benchId) {
        return local(benchId).isPresent();
    }

    /** The balance connection while this instance owns the bench. */
    public Optional<ConnectedBalance> local(String benchId) {
        ClusteredScale scale = scales.get(benchId);
        return Optional.ofNullable(scale == null ? null : scale.local());
    }

    /** Whether notifications reach this instance now. */
    public boolean listening() {
        return notifications.listening();
    }

    /** Every bench's owner, by the database. */
    public List<Owner> owners() {
        return jdbc.sql("""
                SELECT bench_id, instance_id, acquired_at, heartbeat_at, balance, now() AS database_now
                FROM bench_owners ORDER BY bench_id
                """).query((row, number) -> {
            Instant heartbeat = row.getObject("heartbeat_at", OffsetDateTime.class).toInstant();
            Duration age = Duration.between(heartbeat, row.getObject("database_now", OffsetDateTime.class).toInstant());
            return new Owner(row.getString("bench_id"), row.getString("instance_id"),
                    row.getObject("acquired_at", OffsetDateTime.class).toInstant(), age, row.getString("balance"),
                    age.compareTo(properties.lease()) <= 0);
        }).list();
    }

    /**
     * What the bench's owner wrote of its balance, while its lease is current (read at
     * every capture on an instance that does not own the bench: its one row).
     */
    public Optional<String> balanceOf(String benchId) {
        return jdbc.sql("""
                SELECT balance FROM bench_owners
                WHERE bench_id = :bench AND balance IS NOT NULL
                  AND heartbeat_at >= now() - make_interval(secs => :lease)
                """)
            .param("bench", benchId)
            .param("lease", properties.lease().toMillis() / 1000.0)
            .query(String.class)
            .optional();
    }

    private void heartbeat() {
        List<String> benches = List.copyOf(scales.keySet());
        if (benches.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        java.util.Set<String> mine;
        try {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < benches.size(); i++) {
                values.append(i == 0 ? "" : ", ")
                    .append("(CAST(:b")
                    .append(i)
                    .append(" AS VARCHAR(64)), CAST(:d")
                    .append(i)
                    .append(" AS VARCHAR(200)))");
            }
            JdbcClient.StatementSpec claim = jdbc.sql(CLAIM.formatted(values))
                .param("me", instanceId)
                .param("lease", properties.lease().toMillis() / 1000.0);
            for (int i = 0; i < benches.size(); i++) {
                claim = claim.param("b" + i, benches.get(i)).param("d" + i, scales.get(benches.get(i)).description());
            }
            mine = new java.util.HashSet<>(claim.query(String.class).list());
        }
        catch (DataAccessException | IllegalStateException failed) {
            // the leases are not renewed: the fence lets the balances go in time
            log.warn("Leases not renewed: {}", failed.getMessage());
            return;
        }
        for (String bench : benches) {
            ClusteredScale scale = scales.get(bench);
            if (mine.contains(bench)) {
                renewedAt.put(bench, started);
                if (scale.local() == null) {
                    log.info("Bench {}: this instance ({}) owns its balance now", bench, instanceId);
                    scale.own();
                }
            }
            else if (scale.local() != null) {
                log.warn("Bench {}: another instance owns its balance; letting it go", bench);
                letGo(bench, scale);
            }
        }
    }

    /**
     * An owner whose lease was last renewed longer ago than the fence lets its balance
     * go: it may be taken over soon, and then must not be connected any more.
     */
    private void fence() {
        long now = System.nanoTime();
        renewedAt.forEach((bench, renewed) -> {
            if (now - renewed > properties.fence().toNanos()) {
                log.warn("Bench {}: lease not renewed for {} ms; letting the balance go", bench,
                        properties.fence().toMillis());
                letGo(bench, scales.get(bench));
            }
        });
    }

    private void letGo(String bench, ClusteredScale scale) {
        renewedAt.remove(bench);
        scale.letGo();
    }

    /** The owner's balance sent a reading: it is published with the next batch. */
    void published(String bench, Reading reading) {
        toPublish.put(bench, reading);
    }

    /**
     * The latest reading of each owned bench since the last batch, in as few
     * notifications as fit; a reading that says what the last one published said is left
     * out unless that one is {@link #REPUBLISH_UNCHANGED} old.
     */
    private void publish() {
        if (toPublish.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<String> payloads = new ArrayList<>();
        for (String bench : List.copyOf(toPublish.keySet())) {
            Reading reading = toPublish.remove(bench);
            Sent last = lastSent.get(bench);
            if (reading == null
                    || (last != null && last.same(reading) && now - last.nanos() < REPUBLISH_UNCHANGED.toNanos())) {
                continue;
            }
            lastSent.put(bench, new Sent(reading, now));
            payloads.add(Wire.reading(bench, reading));
        }
        if (payloads.isEmpty()) {
            return;
        }
        try {
            notifications.send(READINGS, Wire.batches(payloads));
        }
        catch (Notifications.NotificationFailed failed) {
            log.debug("Readings not published: {}", failed.getMessage());
        }
    }

    /** A reading as last published, and when. */
    private record Sent(Reading reading, long nanos) {

        boolean same(Reading other) {
            return reading.state() == other.state() && reading.stable() == other.stable()
                    && java.util.Objects.equals(reading.grams(), other.grams());
        }

    }

    private void readingArrived(String payload) {
        for (String line : payload.split("\n")) {
            Wire.BenchReading arrived = Wire.reading(line);
            ClusteredScale scale = scales.get(arrived.bench());
            if (scale != null) {
                scale.received(arrived.reading());
            }
        }
    }

    /**
     * Sends zero or tare to the bench's owner and waits for its answer.
     * @throws ScaleCommandRefused as the owner's balance refused, or as offline when no
     * owner answered in time
     */
    void command(String bench, BenchCommand command) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<String> answer = new CompletableFuture<>();
        awaiting.put(id, answer);
        try {
            notifications.send(COMMANDS, String.join("\t", id, bench, command.name()));
            String outcome = answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!outcome.equals("ok")) {
                throw command.refused(ScaleState.valueOf(outcome));
            }
        }
        catch (TimeoutException | ExecutionException | Notifications.NotificationFailed noAnswer) {
            throw command.refused(ScaleState.OFFLINE);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw command.refused(ScaleState.OFFLINE);
        }
        finally {
            awaiting.remove(id);
        }
    }

    private void commandArrived(String payload) {
        String[] parts = payload.split("\t", -1);
        ClusteredScale scale = scales.get(parts[1]);
        if (parts.length != 3 || scale == null || scale.local() == null) {
            return;
        }
        BenchCommand command = BenchCommand.valueOf(parts[2]);
        commands.execute(() -> {
            String outcome;
            try {
                if (command == BenchCommand.ZERO) {
                    scale.zero();
                }
                else {
                    scale.tare();
                }
                outcome = "ok";
            }
            catch (ScaleCommandRefused refused) {
                outcome = refused.state().name();
            }
            catch (RuntimeException failed) {
                log.warn("Bench {}: {} for another instance failed: {}", parts[1], command, failed.toString());
                outcome = ScaleState.ERROR.name();
            }
            try {
                notifications.send(DONE, parts[0] + "\t" + outcome);
            }
            catch (Notifications.NotificationFailed failed) {
                log.warn("Bench {}: the answer to {} was not sent: {}", parts[1], command, failed.getMessage());
            }
        });
    }

    private void commandDone(String payload) {
        String[] parts = payload.split("\t", -1);
        CompletableFuture<String> answer = awaiting.get(parts[0]);
        if (answer != null && parts.length == 2) {
            answer.complete(parts[1]);
        }
    }

    /**
     * Lets every balance go and gives up this instance's leases, so that another instance
     * takes the benches at its next heartbeat.
     */
    @Override
    public void close() {
        ticker.shutdownNow();
        commands.shutdownNow();
        scales.forEach((bench, scale) -> letGo(bench, scale));
        try {
            jdbc.sql("DELETE FROM bench_owners WHERE instance_id = :me").param("me", instanceId).update();
        }
        catch (DataAccessException failed) {
            log.warn("Leases not given up: {}", failed.getMessage());
        }
        notifications.close();
    }

    /** Readings on the wire: tab-separated, the weight as plain decimal. */
    static final class Wire {

        record BenchReading(String bench, Reading reading) {
        }

        private Wire() {
        }

        static String reading(String bench, Reading reading) {
            return String.join("\t", bench, reading.grams() == null ? "" : reading.grams().toPlainString(),
                    reading.stable() ? "1" : "0", reading.at().toString(), reading.state().name());
        }

        /**
         * Readings joined a line each into notifications of at most 7,000 characters
         * (PostgreSQL takes 8,000 bytes).
         */
        static List<String> batches(List<String> lines) {
            List<String> batches = new ArrayList<>();
            StringBuilder batch = new StringBuilder();
            for (String line : lines) {
                if (batch.length() > 0 && batch.length() + 1 + line.length() > 7_000) {
                    batches.add(batch.toString());
                    batch.setLength(0);
                }
                batch.append(batch.length() == 0 ? "" : "\n").append(line);
            }
            if (batch.length() > 0) {
                batches.add(batch.toString());
            }
            return batches;
        }

        static BenchReading reading(String payload) {
            String[] parts = payload.split("\t", -1);
            if (parts.length != 5) {
                throw new IllegalArgumentException("Not a reading: " + payload);
            }
            return new BenchReading(parts[0], new Reading(parts[1].isEmpty() ? null : new BigDecimal(parts[1]),
                    parts[2].equals("1"), Instant.parse(parts[3]), ScaleState.valueOf(parts[4])));
        }

    }

}
