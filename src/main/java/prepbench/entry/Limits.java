package prepbench.entry;

/** The limits of free text a person types, the same on every page and in the API. */
public final class Limits {

    /**
     * A reason (an abort, a manual weight, a lock release, a retirement, an
     * acknowledgement), in characters.
     */
    public static final int MAX_REASON = 500;

    private Limits() {
    }

}
