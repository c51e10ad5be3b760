package prepbench.ui;

import java.util.List;
import java.util.Map;

import prepbench.audit.AuditEvent;
import prepbench.audit.ChainVerification;
import prepbench.entry.Text;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.FormulaTest;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.VersionStatus;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionSummary;

/**
 * A formula for the lab lead: every version (newest first) with its lines and the
 * sessions that used it, the label, the release and retire forms, and the history of
 * changes.
 *
 * @param message a refusal to show at the top (such as a wrong signature), or null
 * @param lock the formula's lock when it is locked now, or null
 * @param lockHistory the formula's locks and their releases (signed), oldest first
 */
public record FormulaVersionsPage(List<FormulaVersion> versions,
        Map<Integer, PreparationManagement.VersionSessions> sessionsByVersion, List<AuditEvent> history,
        ChainVerification verification, String message, FormulaLock lock, List<AuditEvent> lockHistory,
        ChainVerification lockVerification, List<FormulaTest> tests) {

    /**
     * What a lab lead's signature on a release means, as the release form states it: the
     * words of {@link FormulaManagement#RELEASE_MEANING}, which the signature records in
     * English.
     */
    public Text releaseMeaning() {
        return Text.of("catalog.versions.release-meaning");
    }

    /**
     * The meaning a version's release was signed with, in the reader's words when it is
     * {@link FormulaManagement#RELEASE_MEANING}, else as it was recorded (a String,
     * data).
     */
    public Object signedMeaning(FormulaVersion version) {
        return FormulaManagement.RELEASE_MEANING.equals(version.releaseMeaning()) ? releaseMeaning()
                : version.releaseMeaning();
    }

    public FormulaVersionsPage {
        versions = List.copyOf(versions);
        sessionsByVersion = Map.copyOf(sessionsByVersion);
        history = List.copyOf(history);
        lockHistory = List.copyOf(lockHistory);
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
        var sessions = sessionsByVersion.get(version.versionNo());
        return sessions == null ? List.of() : sessions.newest();
    }

    /** How many sessions used the version in all (the page lists the newest). */
    public int sessionCount(FormulaVersion version) {
        var sessions = sessionsByVersion.get(version.versionNo());
        return sessions == null ? 0 : sessions.total();
    }
}
