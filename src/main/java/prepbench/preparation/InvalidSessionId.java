package prepbench.preparation;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** Text that cannot be a preparation id. */
public class InvalidSessionId extends WordedRefusal {

    private static final Text TEXT = Text.of("refused.session.invalid-id", "3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b");

    private final String input;

    private InvalidSessionId(String input) {
        super(TEXT);
        this.input = input == null ? "" : input;
    }

    static InvalidSessionId of(String input) {
        return new InvalidSessionId(input);
    }

    /** What was given, unchanged; escape it before showing it. */
    public String input() {
        return input;
    }

}
