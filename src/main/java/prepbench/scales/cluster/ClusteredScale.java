package prepbench.scales.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import prepbench.scales.Reading;
import prepbench.scales.Scale;
import prepbench.scales.connection.ConnectedBalance;

/**
 * A bench's balance as one instance of a cluster sees it. While this instance owns the
 * bench it holds the balance's connection and reads and commands it itself; otherwise it
 * reads the owner's latest reading as the owner published it, offline once that is older
 * than {@code staleAfter} by this instance's own clock, and sends zero and tare to the
 * owner.
 */
final class ClusteredScale implements Scale {

    private final String benchId;

    private final Function<Consumer<Reading>, ConnectedBalance> connect;

    private final Consumer<Reading> heard;

    private final Function<ConnectedBalance, String> describe;

    private final BenchCluster cluster;

    private final Duration staleAfter;

    private final Clock clock;

    private volatile ConnectedBalance local;

    private volatile Received latest;

    /** A reading another instance published, and when it arrived here. */
    private record Received(Reading reading, long nanos) {
    }

    /**
     * @param connect opens the balance's connection when this instance takes the bench,
     * calling the listener with every reading
     * @param heard hears every reading of the bench: its own balance's while this
     * instance owns it, else those the owner published
     * @param describe what the batch record names of the balance, from its connection
     */
    ClusteredScale(String benchId, Function<Consumer<Reading>, ConnectedBalance> connect, Consumer<Reading> heard,
            Function<ConnectedBalance, String> describe, BenchCluster cluster, Duration staleAfter, Clock clock) {
        this.benchId = benchId;
        this.connect = connect;
        this.heard = heard;
        this.describe = describe;
        this.cluster = cluster;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    @Override
    public String benchId() {
        return benchId;
    }

    @Override
    public Reading read() {
        ConnectedBalance balance = local;
        if (balance != null) {
            return balance.read();
        }
        Received received = latest;
        if (received == null || System.nanoTime() - received.nanos() > staleAfter.toNanos()) {
            return Reading.offline(clock.instant());
        }
        return received.reading();
    }

    @Override
    public void zero() {
        ConnectedBalance balance = local;
        if (balance != null) {
            balance.zero();
        }
        else {
            cluster.command(benchId, BenchCommand.ZERO);
        }
    }

    @Override
    public void tare() {
        ConnectedBalance balance = local;
        if (balance != null) {
            balance.tare();
        }
        else {
            cluster.command(benchId, BenchCommand.TARE);
        }
    }

    /** The connection while this instance owns the bench, else null. */
    ConnectedBalance local() {
        return local;
    }

    /** This instance took the bench: it connects the balance. */
    synchronized void own() {
        if (local == null) {
            ConnectedBalance balance = connect.apply(reading -> {
                heard.accept(reading);
                cluster.published(benchId, reading);
            });
            balance.start();
            local = balance;
            latest = null;
        }
    }

    /**
     * This instance no longer owns the bench (or may no longer): it lets the balance go.
     */
    synchronized void letGo() {
        ConnectedBalance balance = local;
        if (balance != null) {
            local = null;
            balance.close();
        }
    }

    /**
     * What the batch record names of the balance while this instance owns it, else null.
     */
    String description() {
        ConnectedBalance balance = local;
        return balance == null ? null : describe.apply(balance);
    }

    /** The owner published a reading; ignored while this instance is the owner. */
    void received(Reading reading) {
        if (local == null) {
            latest = new Received(reading, System.nanoTime());
            heard.accept(reading);
        }
    }

}
