package prepbench.scales.cluster;

import prepbench.scales.ScaleCommandRefused;
import prepbench.scales.ScaleState;

/** A command one instance sends another's balance. */
enum BenchCommand {

    ZERO, TARE;

    /** The refusal of this command in the given state. */
    ScaleCommandRefused refused(ScaleState state) {
        return this == ZERO ? ScaleCommandRefused.toZero(state) : ScaleCommandRefused.toTare(state);
    }

}
