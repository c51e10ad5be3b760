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
import prepbench.entry.Words;
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
            .of(404, w(request).t("error.formula-not-found", notFound.code()),
                    w(request).t("error.formula-not-found.message", notFound.code()))
            .suggesting(catalog.closeMatches(notFound.code().value()).stream().map(FormulaCode::value).toList()));
    }

    @ExceptionHandler(InvalidFormulaCode.class)
    ModelAndView invalidFormulaCode(InvalidFormulaCode invalid, HttpServletRequest request) {
        boolean empty = invalid.input().isBlank();
        ErrorPage page = ErrorPage.of(400, w(request).t(empty ? "error.no-formula-code" : "error.not-a-formula-code"),
                w(request).message(invalid));
        return page(request,
                (empty ? page : page.echoing(invalid.input())
                    .suggesting(catalog.closeMatches(invalid.input()).stream().map(FormulaCode::value).toList()))
                    .then(w(request).t("error.scan-formula")));
    }

    @ExceptionHandler(NoReleasedVersion.class)
    ModelAndView notReleased(NoReleasedVersion notReleased, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, w(request).t("error.not-released", notReleased.code()),
                w(request).message(notReleased)));
    }

    @ExceptionHandler(BenchOccupied.class)
    ModelAndView benchOccupied(BenchOccupied occupied, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, w(request).t("error.bench-in-use"), w(request).message(occupied))
            .then(w(request).t("error.bench-in-use.then")));
    }

    @ExceptionHandler(FormulaLocked.class)
    ModelAndView locked(FormulaLocked locked, HttpServletRequest request) {
        return page(request,
                ErrorPage.of(409, w(request).t("error.formula-locked", locked.code()), w(request).message(locked))
                    .then(w(request).t("error.locked-since", locked.lockedAt())));
    }

    @ExceptionHandler(InvalidSessionId.class)
    ModelAndView invalidSessionId(InvalidSessionId invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, w(request).t("error.preparation-not-found"), w(request).message(invalid))
            .echoing(invalid.input()));
    }

    @ExceptionHandler(SessionNotFound.class)
    ModelAndView sessionNotFound(SessionNotFound notFound, HttpServletRequest request) {
        return page(request,
                ErrorPage
                    .of(404, w(request).t("error.preparation-not-found"),
                            w(request).t("error.preparation-not-found.message", notFound.id()))
                    .then(w(request).t("error.preparation-not-found.then")));
    }

    @ExceptionHandler(SampleNotFound.class)
    ModelAndView sampleNotFound(SampleNotFound notFound, HttpServletRequest request) {
        return page(request,
                ErrorPage
                    .of(404, w(request).t("error.sample-not-found"), w(request).t("error.sample-not-found.message"))
                    .echoing(notFound.code())
                    .then(w(request).t("error.sample-not-found.then")));
    }

    @ExceptionHandler(NotSimulated.class)
    ModelAndView notSimulated(NotSimulated real, HttpServletRequest request) {
        return page(request,
                real.noSimulators() ? ErrorPage.of(404, w(request).t("error.no-simulators"), w(request).message(real))
                        : ErrorPage.of(409, w(request).t("error.not-simulated"), w(request).message(real)));
    }

    @ExceptionHandler(UnknownBench.class)
    ModelAndView unknownBench(UnknownBench unknown, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, w(request).t("error.unknown-bench"), w(request).message(unknown)));
    }

    @ExceptionHandler({ InvalidBatch.class, InvalidBench.class })
    ModelAndView invalidStart(RuntimeException invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, w(request).t("error.cannot-start"), w(request).message(invalid)));
    }

    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted refused, HttpServletRequest request) {
        return page(request, ErrorPage.of(403, w(request).t("error.not-allowed"), w(request).message(refused)));
    }

    /**
     * A rule refused the action and the page's controller did not answer it on its form
     * (most do): 422, or 409 for the catalogue's rules, as the API answers them.
     */
    @ExceptionHandler(Refused.class)
    ModelAndView refused(Refused refused, HttpServletRequest request) {
        return page(request, ErrorPage.of(refused instanceof CatalogRefused ? 409 : 422,
                w(request).t("error.not-possible-now"), w(request).message(refused)));
    }

    @ExceptionHandler(InvalidEntry.class)
    ModelAndView invalidEntry(InvalidEntry invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, w(request).t("error.nothing-saved"), w(request).message(invalid)));
    }

    @ExceptionHandler(IngredientNotFound.class)
    ModelAndView ingredientNotFound(IngredientNotFound notFound, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, w(request).t("error.ingredient-not-found"), w(request).message(notFound))
            .then(w(request).t("error.ingredient-not-found.then")));
    }

    @ExceptionHandler(AccountNotFound.class)
    ModelAndView accountNotFound(AccountNotFound notFound, HttpServletRequest request) {
        return page(request, ErrorPage.of(404, w(request).t("error.account-not-found"), w(request).message(notFound)));
    }

    @ExceptionHandler(ScaleCommandRefused.class)
    ModelAndView scaleRefused(ScaleCommandRefused refused, HttpServletRequest request) {
        return page(request, ErrorPage.of(409, w(request).t("error.balance-cannot"), w(request).message(refused)));
    }

    @ExceptionHandler({ AuditQuery.Invalid.class, prepbench.preparation.SessionQuery.Invalid.class })
    ModelAndView invalidQuery(RuntimeException invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, w(request).t("error.filter-unreadable"), w(request).message(invalid)));
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ModelAndView badParameter(Exception invalid, HttpServletRequest request) {
        return page(request, ErrorPage.of(400, w(request).t("error.bad-request"), w(request).t("error.bad-link")));
    }

    private static Words w(HttpServletRequest request) {
        return Languages.words(request);
    }

    private static ModelAndView page(HttpServletRequest request, ErrorPage page) {
        log.debug("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), page.status(), page.title());
        ModelAndView view = new ModelAndView("error", Map.of("ctx", PageContextAdvice.of(request), "page", page));
        view.setStatus(HttpStatus.valueOf(page.status()));
        return view;
    }

}
