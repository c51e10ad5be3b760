package prepbench.ui;

import java.util.List;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.samples.Sample;

/**
 * The batch record of a preparation; {@code sample} is null unless the session completed.
 */
public record RecordPage(SessionView session, Sample sample, List<AuditEvent> events, ChainVerification verification) {

    /** The audit trail as a person reads it, oldest first. */
    public List<AuditLine> lines() {
        return events.stream().map(AuditLine::of).toList();
    }
}
