package prepbench.scales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a balance.
 *
 * @param grams the net weight in grams, rounded to the balance's readability; null
 * exactly when the state shows no weight ({@link ScaleState#OVERLOAD},
 * {@link ScaleState#UNDERLOAD}, {@link ScaleState#OFFLINE})
 * @param stable whether the balance reports the weight as stable
 * @param at when the server took the reading
 * @param state the state of the balance
 */
public record Reading(BigDecimal grams, boolean stable, Instant at, ScaleState state) {

    public Reading {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        if (state.showsWeight() != (grams != null)) {
            throw new IllegalArgumentException(
                    "A reading in state " + state.code() + (grams == null ? " needs a weight" : " has no weight"));
        }
    }

    /** The reading of a balance that does not answer. */
    public static Reading offline(Instant at) {
        return new Reading(null, false, at, ScaleState.OFFLINE);
    }

    /** A reading a capture may use: state OK and stable, so a weight is present. */
    public boolean capturable() {
        return state == ScaleState.OK && stable;
    }
}
