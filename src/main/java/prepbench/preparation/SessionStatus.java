package prepbench.preparation;

import java.util.Arrays;
import java.util.Optional;

/** Where a preparation session stands. */
public enum SessionStatus {

    /** Steps are being weighed; the only status in which anything can change. */
    IN_PROGRESS("in_progress"),
    /** Every step was weighed inside its tolerance; a sample was recorded. */
    COMPLETED("completed"),
    /** Aborted by the operator with a reason; a new attempt may follow. */
    FAILED("failed"),
    /**
     * Failed in a way that locks the formula (an over-dispense) until a lab lead releases
     * it.
     */
    LOCKED_FAILED("locked_failed"),
    /** The central server refused the session when it was synced. */
    SERVER_REJECTED("server_rejected");

    private final String code;

    SessionStatus(String code) {
        this.code = code;
    }

    /** The status as stored and as shown in the API, e.g. {@code in_progress}. */
    public String code() {
        return code;
    }

    public boolean isInProgress() {
        return this == IN_PROGRESS;
    }

    public static Optional<SessionStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equalsIgnoreCase(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }

}
