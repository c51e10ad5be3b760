package prepbench.samples;

import java.time.Instant;
import java.util.UUID;

/** An open test after preparation, due now or soon, with the sample it is on. */
public record DueTest(String sampleCode, String formulaCode, UUID sessionId, UUID testId, String name, Instant dueAt) {

    public boolean overdueAt(Instant now) {
        return dueAt.isBefore(now);
    }
}
