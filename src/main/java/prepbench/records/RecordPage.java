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
        Instant verifiedAt, java.time.Duration maxClockOffset) {

    /**
     * Whether the station that made the preparation had a clock further from central's
     * than {@code prepbench.sync.max-clock-offset} when its events arrived (issue 18).
     */
    public boolean clockFlagged() {
        Long offset = session.origin().clockOffsetMs();
        return offset != null && Math.abs(offset) > maxClockOffset.toMillis();
    }

    /** The station clock's offset from central's, in seconds with one decimal. */
    public String clockOffsetSeconds() {
        Long offset = session.origin().clockOffsetMs();
        return offset == null ? "—" : String.format(java.util.Locale.ROOT, "%+.1f", offset / 1000.0);
    }

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
