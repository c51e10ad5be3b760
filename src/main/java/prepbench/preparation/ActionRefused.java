package prepbench.preparation;

/**
 * A step or session action the rules refuse. Nothing changes, except that the refusal itself is audited. The
 * message tells the technician what to do next; {@link #code()} is a short machine-readable reason.
 */
public class ActionRefused extends RuntimeException {

    private final String code;

    ActionRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
