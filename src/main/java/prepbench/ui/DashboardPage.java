package prepbench.ui;

import java.util.List;

import prepbench.formulas.FormulaSummary;
import prepbench.preparation.FormulaLock;
import prepbench.preparation.SessionSummary;

/**
 * The dashboard: the scan box, the operator's sessions in progress, the locked formulas and the formulas to start
 * from.
 *
 * @param scanMessage why the last scan was refused, or what the last action did; null when there is nothing to say
 * @param benches the benches of this station, for the bench picker
 * @param bench the bench this browser works at (remembered in a cookie)
 * @param scanInput what was scanned, cut to a readable length; null with no message
 */
public record DashboardPage(List<SessionSummary> inProgress, List<FormulaSummary> formulas, List<FormulaLock> locks,
        boolean mayReleaseLock, List<String> benches, String bench, String scanMessage, String scanInput) {
}
