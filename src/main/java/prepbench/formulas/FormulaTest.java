package prepbench.formulas;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A test a formula's preparations go on to: its name and how long after completion it is
 * due ("stability, 24 h", "olfactory evaluation, 7 days"). A completed preparation
 * schedules each test in force on its sample.
 */
public record FormulaTest(UUID id, UUID formulaId, String name, int delayHours, Instant createdAt, String createdBy) {

    public Duration delay() {
        return Duration.ofHours(delayHours);
    }

    /** The delay as people say it: "24 h", "7 days". */
    public String delayWords() {
        return delayHours % 24 == 0 ? delayHours / 24 + (delayHours == 24 ? " day" : " days") : delayHours + " h";
    }
}
