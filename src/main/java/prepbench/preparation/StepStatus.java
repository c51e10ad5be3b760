package prepbench.preparation;

import java.util.Arrays;

/** Where one weighing step stands. */
public enum StepStatus {

    PENDING("pending"), OK("ok"), FAILED("failed");

    private final String code;

    StepStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static StepStatus fromCode(String code) {
        return Arrays.stream(values())
            .filter(status -> status.code.equals(code))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Unknown step status: " + code));
    }

    @Override
    public String toString() {
        return code;
    }

}
