package prepbench.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a sample after its preparation completed: the audit module records each
 * in the sample's chain ({@code sample:CODE}, serialised by the sample's row lock), with
 * the preparation's id, so the batch record shows it.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /**
     * The tests the completed preparation scheduled on its sample, from its formula's
     * tests in force.
     */
    public record TestsScheduled(UUID sessionId, String sampleCode, String formulaCode, List<Scheduled> tests,
            Instant at) {

        public TestsScheduled {
            tests = List.copyOf(tests);
        }
    }

    /** One scheduled test: its name and when it is due. */
    public record Scheduled(String name, Instant dueAt) {
    }

    /** A test's result was recorded. */
    public record TestResultRecorded(UUID sessionId, String sampleCode, String formulaCode, String test, String result,
            String value, String note, String actor, Instant at) {
    }

}
