package prepbench.samples;

import prepbench.access.Refused;
import prepbench.entry.Text;

/** A test result the rules do not take; nothing changed. The message says what to do. */
public class SampleRefused extends Refused {

    /** The rule that refused; the API answers its name as {@code "reason"}. */
    public enum Reason {

        NO_SUCH_TEST, ALREADY_RECORDED, RESULT_REQUIRED, TOO_LONG

    }

    SampleRefused(Reason reason, Text text) {
        super(reason, text);
    }

    public Reason reason() {
        return (Reason) ruleValue();
    }

}
