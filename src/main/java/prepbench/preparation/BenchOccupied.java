package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A preparation cannot start, or resume, at a bench where another one is in progress (a
 * bench has one balance and one preparation at a time); the message names who is on it.
 */
public class BenchOccupied extends WordedRefusal {

    private final String bench;

    private BenchOccupied(String bench, Text text) {
        super(text);
        this.bench = bench;
    }

    static BenchOccupied by(String bench, Occupant occupant) {
        return new BenchOccupied(bench, Text.of("refused.bench.occupied", bench, String.valueOf(occupant.formulaCode()),
                occupant.attemptNo(), String.valueOf(occupant.operator())));
    }

    static BenchOccupied all() {
        return new BenchOccupied(null, Text.of("refused.bench.all-occupied"));
    }

    /** The bench asked for; null when none was and every bench was in use. */
    public String bench() {
        return bench;
    }

    /** The preparation in progress at a bench. */
    record Occupant(String formulaCode, int attemptNo, String operator) {
    }

}
