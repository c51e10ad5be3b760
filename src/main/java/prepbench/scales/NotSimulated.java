package prepbench.scales;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A simulator command sent to a bench with a real balance (409), or to a station that has
 * no simulated balances at all because it is not a demo station (404: as far as anyone
 * can tell, there is no simulator).
 */
public class NotSimulated extends WordedRefusal {

    private final boolean noSimulators;

    private NotSimulated(Text text, boolean noSimulators) {
        super(text);
        this.noSimulators = noSimulators;
    }

    static NotSimulated realBalance(String bench) {
        return new NotSimulated(Text.of("refused.scale.real-balance", String.valueOf(bench)), false);
    }

    static NotSimulated notADemoStation() {
        return new NotSimulated(Text.of("refused.scale.not-a-demo-station"), true);
    }

    /** Whether the station has no simulated balances at all (answered as not found). */
    public boolean noSimulators() {
        return noSimulators;
    }

}
