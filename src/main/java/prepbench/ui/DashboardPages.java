package prepbench.ui;

import java.time.Clock;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.audit.AuditReview;
import prepbench.samples.SampleRegister;
import prepbench.formulas.FormulaCatalog;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.SessionQuery;
import prepbench.preparation.StartPreparation;
import prepbench.scales.BenchManagement;
import prepbench.scanning.ScanDecoder;
import prepbench.scanning.ScanResult;

/**
 * The dashboard and the scan box that every page has. The bench picker's choice is
 * remembered per browser in a cookie, so a station's browser stays at its bench; a
 * scanned formula starts at that bench.
 */
@Controller
class DashboardPages {

    private static final int FORMULAS_SHOWN = 50;

    /** Tests due shown on the dashboard; the sample pages hold the rest. */
    private static final int DUE_TESTS_SHOWN = 20;

    /** The cookie that remembers which bench this browser works at. */
    static final String BENCH_COOKIE = "prepbench-bench";

    private final PreparationManagement preparations;

    private final FormulaCatalog catalog;

    private final BenchManagement benches;

    private final AuditReview review;

    private final SampleRegister samples;

    private final Clock clock;

    private final prepbench.sync.StationSync sync;

    DashboardPages(PreparationManagement preparations, FormulaCatalog catalog, BenchManagement benches,
            AuditReview review, SampleRegister samples, Clock clock, prepbench.sync.StationSync sync) {
        this.sync = sync;
        this.samples = samples;
        this.clock = clock;
        this.preparations = preparations;
        this.catalog = catalog;
        this.benches = benches;
        this.review = review;
    }

    @GetMapping("/")
    String showDashboard(Actor operator, @CookieValue(name = BENCH_COOKIE, required = false) String bench,
            @RequestParam(name = "q", defaultValue = "") String query, Model model) {
        model.addAttribute("page", dashboard(operator, bench, (String) model.getAttribute("message"), null,
                query.length() > 100 ? query.substring(0, 100) : query));
        return "dashboard";
    }

    /**
     * Opens what was scanned: a formula starts or resumes the operator's preparation of
     * it (one round trip from scan to page), a preparation label opens that preparation.
     * Anything else re-shows the dashboard with what to scan instead.
     */
    @PostMapping("/scan")
    Object scan(@RequestParam(name = "raw", defaultValue = "") String raw, @RequestParam(required = false) String bench,
            @CookieValue(name = BENCH_COOKIE, required = false) String rememberedBench, Actor operator, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        boolean anyFree = bench != null && bench.isBlank();
        String chosenBench = benches.exists(bench) ? bench
                : !anyFree && benches.exists(rememberedBench) ? rememberedBench : null;
        if (benches.exists(bench) || anyFree) {
            Cookie remember = new Cookie(BENCH_COOKIE, anyFree ? "" : bench);
            remember.setPath("/");
            remember.setHttpOnly(true);
            remember.setMaxAge(anyFree ? 0 : (int) Duration.ofDays(365).toSeconds());
            response.addCookie(remember);
        }
        ScanResult result = ScanDecoder.decode(raw);
        if (result instanceof ScanResult.FormulaScan formula) {
            if (!operator.may(Permission.PREPARE)) {
                return Redirects.seeOther("/formula-first?code=" + formula.code().value());
            }
            var outcome = preparations.startOrResume(new StartPreparation(formula.code(), operator, null, chosenBench));
            return Redirects.seeOther("/preparations/" + outcome.session().id());
        }
        if (result instanceof ScanResult.PreparationScan preparation) {
            return Redirects.seeOther(preparation.page().orElseThrow());
        }
        if (result instanceof ScanResult.SampleScan sample) {
            return Redirects.seeOther(sample.page().orElseThrow());
        }
        String message = Languages.words(request).text(((ScanResult.Unrecognised) result).text());
        model.addAttribute("page", dashboard(operator, chosenBench, message, ErrorPage.echo(raw.strip()), ""));
        ModelAndView page = new ModelAndView("dashboard", model.asMap());
        page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return page;
    }

    /** How far back a station's dashboard lists the preparations central refused. */
    private static final java.time.Duration REFUSALS_SHOWN_FOR = java.time.Duration.ofDays(7);

    /** At a station: the preparations central refused lately, newest first. */
    private java.util.List<prepbench.preparation.SessionSummary> refusedByCentral() {
        return preparations
            .list(new SessionQuery(prepbench.preparation.SessionStatus.SERVER_REJECTED, null, null, null, null, null,
                    clock.instant().minus(REFUSALS_SHOWN_FOR), null, null, 10))
            .items();
    }

    private DashboardPage dashboard(Actor operator, String bench, String scanMessage, String scanInput, String query) {
        return new DashboardPage(preparations.list(SessionQuery.inProgressFor(operator.username())).items(),
                catalog.search(query, FORMULAS_SHOWN), preparations.lockedFormulas(),
                operator.may(Permission.RELEASE_LOCK), benches.ids(), benches.exists(bench) ? bench : null, scanMessage,
                scanInput, query.strip(),
                operator.may(Permission.REVIEW_AUDIT) ? review.openAlerts() : java.util.List.of(),
                samples.dueSoon(DUE_TESTS_SHOWN), clock.instant(), sync.status().orElse(null),
                sync.isStation() ? refusedByCentral() : java.util.List.of());
    }

}
