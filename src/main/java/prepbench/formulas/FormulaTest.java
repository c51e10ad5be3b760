package prepbench.formulas;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import prepbench.entry.Text;

/**
 * A test a formula's preparations go on to: its name and how long after completion it is
 * due ("stability, 24 h", "olfactory evaluation, 7 days"). A completed preparation
 * schedules each test in force on its sample.
 */
public record FormulaTest(UUID id, UUID formulaId, String name, int delayHours, Instant createdAt, String createdBy) {

    public Duration delay() {
        return Duration.ofHours(delayHours);
    }

    /** The delay as people say it, in English: "24 h", "7 days". */
    public String delayWords() {
        return delayText().english();
    }

    /** The delay as people say it, to word in the reader's language. */
    public Text delayText() {
        return delayHours % 24 != 0 ? Text.of("entry.formula.test.delay-hours", delayHours) : Text
            .of(delayHours == 24 ? "entry.formula.test.delay-day" : "entry.formula.test.delay-days", delayHours / 24);
    }
}
