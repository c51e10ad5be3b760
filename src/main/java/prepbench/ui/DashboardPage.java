package prepbench.ui;

import java.time.Instant;
import java.util.List;

import prepbench.audit.AuditAlert;
import prepbench.samples.DueTest;
import prepbench.formulas.FormulaSummary;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.SessionSummary;

/**
 * The dashboard: the scan box, the operator's sessions in progress, the locked formulas
 * and the formulas to start from.
 *
 * @param scanMessage why the last scan was refused, or what the last action did; null
 * when there is nothing to say
 * @param benches the benches of this station, for the bench picker
 * @param bench the bench this browser works at (remembered in a cookie)
 * @param scanInput what was scanned, cut to a readable length; null with no message
 * @param query the text the formula list is filtered by (code or name); empty for all
 * @param auditAlerts failed verifications of the audit trail not yet acknowledged; shown
 * to those who review it
 */
public record DashboardPage(List<SessionSummary> inProgress, List<FormulaSummary> formulas, List<FormulaLock> locks,
        boolean mayReleaseLock, List<String> benches, String bench, String scanMessage, String scanInput, String query,
        List<AuditAlert> auditAlerts, List<DueTest> dueTests, Instant now, prepbench.sync.StationSync.Status sync,
        List<SessionSummary> refusedByCentral) {

    /** The formulas that can be prepared now. */
    public List<FormulaSummary> released() {
        return formulas.stream().filter(FormulaSummary::isReleased).toList();
    }

    /**
     * The formulas with no released version yet (drafts), for those who edit the
     * catalogue.
     */
    public List<FormulaSummary> drafts() {
        return formulas.stream().filter(formula -> !formula.isReleased()).toList();
    }

    public boolean isLocked(FormulaSummary formula) {
        return locks.stream().anyMatch(lock -> lock.formulaCode().equals(formula.code().value()));
    }

    /** Whether the signed-in user has a preparation of the formula in progress. */
    public boolean isMineInProgress(FormulaSummary formula) {
        return inProgress.stream().anyMatch(session -> session.formulaCode().equals(formula.code().value()));
    }
}
