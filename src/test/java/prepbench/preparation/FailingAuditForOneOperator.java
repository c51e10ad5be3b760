package prepbench.preparation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Makes the audit of one operator's start fail, as a full disk or a lost connection
 * would.
 */
@TestConfiguration
class FailingAuditForOneOperator {

    static final String UNLUCKY_OPERATOR = "audit-fails";

    @EventListener
    void on(SessionEvents.SessionStarted started) {
        if (started.operator().equals(UNLUCKY_OPERATOR)) {
            throw new IllegalStateException("audit store unavailable");
        }
    }

}
