package prepbench.ui;

import java.util.List;

import prepbench.formulas.FormulaSummary;
import prepbench.preparation.SessionSummary;

/**
 * The dashboard: the scan box, the operator's sessions in progress and the formulas to start from.
 *
 * @param scanMessage why the last scan was refused; null when there is nothing to say
 * @param scanInput what was scanned, cut to a readable length; null with no message
 */
public record DashboardPage(List<SessionSummary> inProgress, List<FormulaSummary> formulas, String scanMessage,
        String scanInput) {
}
