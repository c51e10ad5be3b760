package prepbench.scales;

/**
 * A simulator command sent to a bench with a real balance (409), or to a station that has
 * no simulated balances at all because it is not a demo station (404: as far as anyone
 * can tell, there is no simulator).
 */
public class NotSimulated extends RuntimeException {

    private final boolean noSimulators;

    private NotSimulated(String message, boolean noSimulators) {
        super(message);
        this.noSimulators = noSimulators;
    }

    static NotSimulated realBalance(String bench) {
        return new NotSimulated("Bench " + bench + " has a real balance; only simulated balances can be driven.",
                false);
    }

    static NotSimulated notADemoStation() {
        return new NotSimulated("This station has no simulated balances: they exist only on a demo station.", true);
    }

    /** Whether the station has no simulated balances at all (answered as not found). */
    public boolean noSimulators() {
        return noSimulators;
    }

}
