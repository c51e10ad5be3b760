package prepbench.ui;

import java.time.Instant;

import prepbench.samples.Sample;

/**
 * A sample: what its preparation produced, its label, and its tests after preparation
 * with their results.
 *
 * @param now when the page was made, to tell due from overdue
 * @param mayRecord whether the signed-in person may record results
 * @param message what the last action said; null when nothing
 */
public record SamplePage(Sample sample, Instant now, boolean mayRecord, String message, boolean refused) {

    /** A test's state in words: due, overdue, pass, fail. */
    public String state(Sample.Test test) {
        if (!test.open()) {
            return test.result();
        }
        return test.overdueAt(now) ? "overdue" : "due";
    }
}
