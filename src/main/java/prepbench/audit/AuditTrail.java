package prepbench.audit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEvents events;

    AuditTrail(AuditEvents events) {
        this.events = events;
    }

    /** Every event of one preparation session, oldest first. */
    public List<AuditEvent> forSession(UUID sessionId) {
        return events.forSession(sessionId);
    }
}
