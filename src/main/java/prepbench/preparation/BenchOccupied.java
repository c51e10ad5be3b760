package prepbench.preparation;

/**
 * A preparation cannot start, or resume, at a bench where another one is in progress (a
 * bench has one balance and one preparation at a time); the message names who is on it.
 */
public class BenchOccupied extends RuntimeException {

    private final String bench;

    private BenchOccupied(String bench, String message) {
        super(message);
        this.bench = bench;
    }

    static BenchOccupied by(String bench, Occupant occupant) {
        return new BenchOccupied(bench,
                "Bench " + bench + " is in use: " + occupant.formulaCode() + " attempt " + occupant.attemptNo() + " by "
                        + occupant.operator() + ". Choose another bench, or ask " + occupant.operator()
                        + " to finish or abort that preparation first.");
    }

    static BenchOccupied all() {
        return new BenchOccupied(null, "Every bench has a preparation in progress. Wait for one to finish, or ask "
                + "a lab lead which preparation can be aborted.");
    }

    /** The bench asked for; null when none was and every bench was in use. */
    public String bench() {
        return bench;
    }

    /** The preparation in progress at a bench. */
    record Occupant(String formulaCode, int attemptNo, String operator) {
    }

}
