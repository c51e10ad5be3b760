package prepbench.scales;

/** A simulator command sent to a bench with a real balance. */
public class NotSimulated extends RuntimeException {

    NotSimulated(String bench) {
        super("Bench " + bench + " has a real balance; only simulated balances can be driven.");
    }
}
