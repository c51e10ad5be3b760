package prepbench.audit;

import java.time.Instant;

/**
 * A "verify everything" run that found problems, shown to lab leads and admins until one
 * acknowledges it.
 */
public record AuditAlert(long id, Instant raisedAt, int problemCount, String summary) {
}
