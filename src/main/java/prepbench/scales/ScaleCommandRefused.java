package prepbench.scales;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * A balance refused to zero or tare because of its state; the message tells the
 * technician what to do.
 */
public class ScaleCommandRefused extends WordedRefusal {

    private final ScaleState state;

    private ScaleCommandRefused(Text text, ScaleState state) {
        super(text);
        this.state = state;
    }

    /** The balance cannot zero in this state (anything but {@link ScaleState#OK}). */
    public static ScaleCommandRefused toZero(ScaleState state) {
        return new ScaleCommandRefused(switch (state) {
            case UNSTABLE -> Text.of("refused.scale.zero.unstable");
            case OVERLOAD -> Text.of("refused.scale.zero.overload");
            case UNDERLOAD -> Text.of("refused.scale.zero.underload");
            case OFFLINE -> Text.of("refused.scale.offline");
            case ERROR -> Text.of("refused.scale.zero.error");
            case OK -> throw new IllegalArgumentException("A balance reading ok can zero");
        }, state);
    }

    /** The balance cannot tare in this state (anything but {@link ScaleState#OK}). */
    public static ScaleCommandRefused toTare(ScaleState state) {
        return new ScaleCommandRefused(switch (state) {
            case UNSTABLE -> Text.of("refused.scale.tare.unstable");
            case OVERLOAD -> Text.of("refused.scale.tare.overload");
            case UNDERLOAD -> Text.of("refused.scale.tare.underload");
            case OFFLINE -> Text.of("refused.scale.offline");
            case ERROR -> Text.of("refused.scale.tare.error");
            case OK -> throw new IllegalArgumentException("A balance reading ok can tare");
        }, state);
    }

    /** The state the balance was in when it refused. */
    public ScaleState state() {
        return state;
    }

}
