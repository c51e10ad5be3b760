package prepbench.ui;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import prepbench.formulas.FormulaCatalog;
import prepbench.preparation.Operator;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.StartPreparation;
import prepbench.scanning.ScanDecoder;
import prepbench.scanning.ScanResult;

/** The dashboard and the scan box that every page has. */
@Controller
class DashboardController {

    private static final int FORMULAS_SHOWN = 50;

    private final PreparationManagement preparations;
    private final FormulaCatalog catalog;

    DashboardController(PreparationManagement preparations, FormulaCatalog catalog) {
        this.preparations = preparations;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String showDashboard(Operator operator, Model model) {
        model.addAttribute("page", dashboard(operator, (String) model.getAttribute("message"), null));
        return "dashboard";
    }

    /**
     * Opens what was scanned: a formula starts or resumes the operator's preparation of it (one round trip from
     * scan to page), a preparation label opens that preparation. Anything else re-shows the dashboard with
     * what to scan instead.
     */
    @PostMapping("/scan")
    Object scan(@RequestParam(name = "raw", defaultValue = "") String raw, Operator operator, Model model) {
        ScanResult result = ScanDecoder.decode(raw);
        if (result instanceof ScanResult.FormulaScan formula) {
            if (!operator.may(Operator.Permission.PREPARE)) {
                return Redirects.seeOther("/formula-first?code=" + formula.code().value());
            }
            var outcome = preparations.startOrResume(new StartPreparation(formula.code(), operator, null, null));
            return Redirects.seeOther("/preparations/" + outcome.session().id());
        }
        if (result instanceof ScanResult.PreparationScan preparation) {
            return Redirects.seeOther(preparation.page().orElseThrow());
        }
        if (result instanceof ScanResult.SampleScan sample) {
            return Redirects.seeOther(sample.page().orElseThrow());
        }
        String message = ((ScanResult.Unrecognised) result).reason();
        model.addAttribute("page", dashboard(operator, message, ErrorPage.echo(raw.strip())));
        ModelAndView page = new ModelAndView("dashboard", model.asMap());
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    private DashboardPage dashboard(Operator operator, String scanMessage, String scanInput) {
        return new DashboardPage(preparations.list(SessionQuery.inProgressFor(operator.username())),
                catalog.search("", FORMULAS_SHOWN), preparations.lockedFormulas(),
                operator.may(Operator.Permission.RELEASE_LOCK), scanMessage, scanInput);
    }
}
