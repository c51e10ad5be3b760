package prepbench.scales;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a misconfigured bench at startup into Spring Boot's short "APPLICATION FAILED TO
 * START" report.
 */
class BenchMisconfiguredAnalyzer extends AbstractFailureAnalyzer<BenchMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BenchMisconfigured cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }

}
