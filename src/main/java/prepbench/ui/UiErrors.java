package prepbench.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import prepbench.samples.SampleNotFound;
import prepbench.access.NotPermitted;
import prepbench.access.Refused;
import prepbench.audit.AuditQuery;
import prepbench.catalog.CatalogRefused;
import prepbench.formulas.FormulaCatalog;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaNotFound;
import prepbench.catalog.IngredientNotFound;
import prepbench.entry.InvalidEntry;
import prepbench.formulas.InvalidFormulaCode;
import prepbench.formulas.NoReleasedVersion;
import prepbench.preparation.BenchOccupied;
import prepbench.preparation.FormulaLocked;
import prepbench.preparation.InvalidBatch;
import prepbench.preparation.InvalidBench;
import prepbench.preparation.InvalidSessionId;
import prepbench.preparation.SessionNotFound;
import prepbench.scales.NotSimulated;
import prepbench.scales.ScaleCommandRefused;
import prepbench.scales.UnknownBench;
import prepbench.security.AccountNotFound;

/**
 * Turns every refusal of a page into an error page with the right status and what to do
 * next.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
class UiErrors {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    private final FormulaCatalog catalog;

    UiErrors(FormulaCatalog catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler(FormulaNotFound.class)
    ModelAndView formulaNotFound(FormulaNotFound notFound, HttpServletRequest request) {
        return page(request, ErrorPage
            .of(404, "Formula not found: " + notFound.code(),
                    "No formula has the code " + notFound.code() + ". Check the label, or scan it again.")
            .suggesting(catalog.closeMatches(notFound.code().value()).stream().map(FormulaCode::value).toList()));
    }

    @ExceptionHandler(InvalidFormulaCode.class)
    ModelAndView invalidFormulaCode(InvalidFormulaCode invalid, HttpServletRequest request) {
        boolean empty = invalid.input().isBlank();
        ErrorPage page = ErrorPage.of(400, empty ? "No formula code" : "Formula not found: not a formula code",
                invalid.getMessage());
        return page(request,
                (empty ? page : page.echoing(invalid.input())
                    .suggesting(catalog.closeMatches(invalid.input()).stream().map(FormulaCode::value).toList()))
                    .then("Scan the formula's QR code, or type a code such as PRM00936."));
    }

    @ExceptionHandler(NoReleasedVersion.class)
    ModelAndView notReleased(NoReleasedVersion notReleased, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, "Formula " + notReleased.code() + " cannot be prepared yet",
                notReleased.getMessage()));
    }

    @ExceptionHandler(BenchOccupied.class)
    ModelAndView benchOccupied(BenchOccupied occupied, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, "Bench in use", occupied.getMessage())
            .then("Pick a free bench on the dashboard (or \"any free bench\") and scan again."));
    }

    @ExceptionHandler(FormulaLocked.class)
    ModelAndView locked(FormulaLocked locked, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, "Formula " + locked.code() + " is locked", locked.getMessage())
            .then("Locked since " + Format.time(locked.lockedAt()) + "."));
    }

    @ExceptionHandler(InvalidSessionId.class)
    ModelAndView invalidSessionId(InvalidSessionId invalid, HttpServletRequest request) {
        return page(request,
                ErrorPage.of(400, "Preparation not found.", invalid.getMessage()).echoing(invalid.input()));
    }

    @ExceptionHandler(SessionNotFound.class)
    ModelAndView sessionNotFound(SessionNotFound notFound, HttpServletRequest request) {
        return page(request,
                ErrorPage
                    .of(404, "Preparation not found.", "There is no preparation " + notFound.id() + " on this station.")
                    .then("Scan the formula's QR code to start or resume its preparation."));
    }

    @ExceptionHandler(SampleNotFound.class)
    ModelAndView sampleNotFound(SampleNotFound notFound, HttpServletRequest request) {
        return page(request,
                ErrorPage.of(404, "Sample not found", "No sample has this code.")
                    .echoing(notFound.code())
                    .then("Scan the sample label again, or find the preparation in the list."));
    }

    @ExceptionHandler(NotSimulated.class)
    ModelAndView notSimulated(NotSimulated real, HttpServletRequest request) {
        return page(request, real.noSimulators() ? ErrorPage.of(404, "No simulated balances", real.getMessage())
                : ErrorPage.of(409, "Not a simulated balance", real.getMessage()));
    }

    @ExceptionHandler(UnknownBench.class)
    ModelAndView unknownBench(UnknownBench unknown, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, "Unknown bench", unknown.getMessage()));
    }

    @ExceptionHandler({ InvalidBatch.class, InvalidBench.class })
    ModelAndView invalidStart(RuntimeException invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, "Cannot start this preparation", invalid.getMessage()));
    }

    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted refused, HttpServletRequest request) {
        return page(request, ErrorPage.of(403, "Not allowed", refused.getMessage()));
    }

    /**
     * A rule refused the action and the page's controller did not answer it on its form
     * (most do): 422, or 409 for the catalogue's rules, as the API answers them.
     */
    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request) {
        return page(request,
                ErrorPage.of(refused instanceof CatalogRefused ? 409 : 422, "Not possible now", refused.getMessage()));
    }

    @ExceptionHandler(InvalidEntry.class)
    ModelAndView invalidEntry(InvalidEntry invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, "Nothing was saved", invalid.getMessage()));
    }

    @ExceptionHandler(IngredientNotFound.class)
    ModelAndView ingredientNotFound(IngredientNotFound notFound, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, "Ingredient not found", notFound.getMessage())
            .then("Find it in the list of ingredients."));
    }

    @ExceptionHandler(AccountNotFound.class)
    ModelAndView accountNotFound(AccountNotFound notFound, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, "Account not found", notFound.getMessage()));
    }

    @ExceptionHandler(ScaleCommandRefused.class)
    ModelAndView scaleRefused(ScaleCommandRefused refused, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, "The balance cannot do that now", refused.getMessage()));
    }

    @ExceptionHandler({ AuditQuery.Invalid.class, prepbench.preparation.SessionQuery.Invalid.class })
    ModelAndView invalidQuery(RuntimeException invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, "The filter cannot be read", invalid.getMessage()));
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ModelAndView badParameter(Exception invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, "Bad request",
                "This link is incomplete or damaged. Go back to the dashboard and scan again."));
    }

    private static ModelAndView page(HttpServletRequest request, ErrorPage page) {
        log.debug("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), page.status(), page.title());
        ModelAndView view = new ModelAndView("error", Map.of("ctx", PageContextAdvice.of(request), "page", page));
        view.setStatus(HttpStatus.valueOf(page.status()));
        return view;
    }

}
