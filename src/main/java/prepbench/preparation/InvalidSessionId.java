package prepbench.preparation;

/** Text that cannot be a preparation id. */
public class InvalidSessionId extends RuntimeException {

    private final String input;

    private InvalidSessionId(String input) {
        super("This is not a preparation id. A preparation id looks like 3f2a6c1e-8b4d-4e0f-9a7b-2c5d8e1f0a3b; "
                + "scan the preparation's label or open it from the list.");
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
