package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.VersionStatus;
import prepbench.preparation.SessionSummary;

/**
 * A formula for the lab lead: every version (newest first) with its lines and the sessions that used it, the label,
 * the release and retire forms, and the history of changes.
 *
 * @param message a refusal to show at the top (such as a wrong signature), or null
 */
public record FormulaVersionsPage(List<FormulaVersion> versions, Map<Integer, List<SessionSummary>> sessionsByVersion,
        List<AuditEvent> history, ChainVerification verification, String message) {

    public FormulaVersionsPage {
        versions = List.copyOf(versions);
        sessionsByVersion = Map.copyOf(sessionsByVersion);
        history = List.copyOf(history);
    }

    public FormulaVersion newest() {
        return versions.get(0);
    }

    public FormulaVersion released() {
        return versions.stream().filter(version -> version.status() == VersionStatus.RELEASED).findFirst().orElse(null);
    }

    public FormulaVersion draft() {
        return versions.stream().filter(FormulaVersion::isDraft).findFirst().orElse(null);
    }

    public List<SessionSummary> sessions(FormulaVersion version) {
        return sessionsByVersion.getOrDefault(version.versionNo(), List.of());
    }
}
