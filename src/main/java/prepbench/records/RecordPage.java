package prepbench.records;

import java.time.Instant;
import java.util.List;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.entry.Words;
import prepbench.samples.Sample;

/**
 * The batch record of a preparation, as the page shows it and the PDF prints it.
 *
 * @param sample null unless the session completed
 * @param verification the verification of the preparation's chain and record, made when
 * the record was read
 * @param verifiedAt when that was
 */
public record RecordPage(SessionView session, Sample sample, List<AuditEvent> events, ChainVerification verification,
        Instant verifiedAt) {

    public RecordPage {
        events = List.copyOf(events);
    }

    /** The audit trail as a person reads it, oldest first, in the reader's language. */
    public List<AuditLine> lines(Words words) {
        return events.stream().map(event -> AuditLine.of(event, words)).toList();
    }

    /** The first problem verification found, in a sentence; null when intact. */
    public Phrase problem(Words words) {
        return verification.problems().isEmpty() ? null : AuditLine.problem(verification.problems().get(0), words);
    }
}
