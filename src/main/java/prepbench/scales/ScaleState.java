package prepbench.scales;

import java.util.Locale;

/** The state of a balance reading. */
public enum ScaleState {

    /** The balance shows a weight and works normally. */
    OK,
    /** The balance shows a weight that is still moving. */
    UNSTABLE,
    /** The load is above the balance's capacity; no weight is shown. */
    OVERLOAD,
    /**
     * The load is below the balance's zero point, usually because the pan is lifted; no
     * weight is shown.
     */
    UNDERLOAD,
    /** The balance does not answer; no weight is shown. */
    OFFLINE,
    /**
     * The balance answers, but with no weight in grams: count mode, another unit, a
     * status or error line.
     */
    ERROR;

    /**
     * The state as the pages and the JSON API name it: {@code ok}, {@code unstable},
     * {@code overload}, …
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean showsWeight() {
        return this == OK || this == UNSTABLE;
    }

}
