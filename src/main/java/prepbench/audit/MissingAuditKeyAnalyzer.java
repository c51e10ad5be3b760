package prepbench.audit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says at start-up what is wrong with the audit key and how to create one, instead of a
 * stack trace.
 */
class MissingAuditKeyAnalyzer extends AbstractFailureAnalyzer<MissingAuditKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAuditKey cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }

}
