package prepbench.scales;

/**
 * A balance refused to zero or tare because of its state; the message tells the
 * technician what to do.
 */
public class ScaleCommandRefused extends RuntimeException {

    private final ScaleState state;

    private ScaleCommandRefused(String command, ScaleState state) {
        super(message(command, state));
        this.state = state;
    }

    /** The balance cannot zero in this state (anything but {@link ScaleState#OK}). */
    public static ScaleCommandRefused toZero(ScaleState state) {
        return new ScaleCommandRefused("zero", state);
    }

    /** The balance cannot tare in this state (anything but {@link ScaleState#OK}). */
    public static ScaleCommandRefused toTare(ScaleState state) {
        return new ScaleCommandRefused("tare", state);
    }

    /** The state the balance was in when it refused. */
    public ScaleState state() {
        return state;
    }

    private static String message(String command, ScaleState state) {
        return switch (state) {
            case UNSTABLE -> "The balance is not stable: wait until it settles, then " + command + " it again.";
            case OVERLOAD -> "The balance is overloaded: take the load off the pan, then " + command + " it again.";
            case UNDERLOAD -> "The balance reads underload: put the pan back in place, then " + command + " it again.";
            case OFFLINE -> "The balance is offline: check its cable and power.";
            case ERROR -> "The balance refused to " + command + " or shows no weight in grams: check its display "
                    + "and units, then " + command + " it again.";
            case OK -> throw new IllegalArgumentException("A balance reading ok can " + command);
        };
    }

}
