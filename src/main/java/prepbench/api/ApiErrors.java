package prepbench.api;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import prepbench.access.NotPermitted;
import prepbench.access.Refused;
import prepbench.catalog.CatalogRefused;
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
 * Maps every refusal to a ProblemDetail with the right status, once for the whole API.
 * Messages come from the domain and say what to do; no exception text from a library and
 * no stack trace ever reaches a client.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({ InvalidFormulaCode.class, InvalidSessionId.class, InvalidBatch.class, InvalidBench.class,
            BadRequest.class, prepbench.audit.AuditQuery.Invalid.class,
            prepbench.preparation.SessionQuery.Invalid.class })
    ProblemDetail badRequest(RuntimeException refusal) {
        return problem(HttpStatus.BAD_REQUEST, words().message(refusal));
    }

    @ExceptionHandler({ FormulaNotFound.class, SessionNotFound.class })
    ProblemDetail notFound(RuntimeException refusal) {
        return problem(HttpStatus.NOT_FOUND, words().message(refusal));
    }

    @ExceptionHandler(NoReleasedVersion.class)
    ProblemDetail notReleased(NoReleasedVersion refusal) {
        return problem(HttpStatus.CONFLICT, words().message(refusal));
    }

    @ExceptionHandler(BenchOccupied.class)
    ProblemDetail benchOccupied(BenchOccupied occupied) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, words().message(occupied));
        problem.setTitle(words().t("api.title.bench-occupied"));
        problem.setProperty("reason", "BENCH_OCCUPIED");
        problem.setProperty("bench", occupied.bench());
        return problem;
    }

    @ExceptionHandler(FormulaLocked.class)
    ProblemDetail locked(FormulaLocked locked) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, words().message(locked));
        problem.setTitle(words().t("api.title.formula-locked"));
        problem.setProperty("lockedAt", locked.lockedAt());
        problem.setProperty("reason", locked.reason());
        problem.setProperty("release", "/api/v1/formulas/" + locked.code() + "/release-lock");
        return problem;
    }

    /**
     * A rule refused the action: 422 with the rule as {@code reason}; 409 for the
     * catalogue's rules, which refuse a change because of the catalogue's state now (a
     * draft changed meanwhile, a version not a draft).
     */
    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused refused) {
        ProblemDetail problem = problem(
                refused instanceof CatalogRefused ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                words().message(refused));
        problem.setTitle(words().t("api.title.refused"));
        problem.setProperty("reason", refused.rule());
        return problem;
    }

    @ExceptionHandler(ScaleCommandRefused.class)
    ProblemDetail scaleRefused(ScaleCommandRefused refused) {
        return problem(HttpStatus.CONFLICT, words().message(refused));
    }

    @ExceptionHandler(prepbench.samples.SampleNotFound.class)
    ProblemDetail sampleNotFound(prepbench.samples.SampleNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, words().message(notFound));
    }

    @ExceptionHandler(AccountNotFound.class)
    ProblemDetail accountNotFound(AccountNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, words().message(notFound));
    }

    @ExceptionHandler(UnknownBench.class)
    ProblemDetail unknownBench(UnknownBench unknown) {
        return problem(HttpStatus.NOT_FOUND, words().message(unknown));
    }

    @ExceptionHandler(NotSimulated.class)
    ProblemDetail notSimulated(NotSimulated real) {
        return problem(real.noSimulators() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, words().message(real));
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail forbidden(NotPermitted refusal) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, words().message(refusal));
        problem.setTitle(words().t("api.title.not-permitted"));
        problem.setProperty("reason", "NOT_PERMITTED");
        problem.setProperty("permission", refusal.permission().name());
        return problem;
    }

    @ExceptionHandler(InvalidEntry.class)
    ProblemDetail invalidEntry(InvalidEntry invalid) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT,
                words().t("api.nothing-saved", words().message(invalid)));
        problem.setTitle(words().t("api.title.invalid-entry"));
        problem.setProperty("errors", invalid.problems(words()));
        return problem;
    }

    @ExceptionHandler(IngredientNotFound.class)
    ProblemDetail ingredientNotFound(IngredientNotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, words().message(notFound));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        return problem(HttpStatus.BAD_REQUEST,
                words().t(mismatch.getName().equals("from") || mismatch.getName().equals("to")
                        ? "api.parameter-not-a-time" : "api.parameter-wrong-form", mismatch.getName()));
    }

    /**
     * Whatever no handler above knew: logged for the maintainers, answered without
     * internals.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception failure) {
        log.error("Unexpected failure in the API", failure);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, words().t("api.failure"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = invalid.getBindingResult()
            .getFieldErrors()
            .stream()
            .map(error -> error.getDefaultMessage())
            .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("fields",
                invalid.getBindingResult()
                    .getFieldErrors()
                    .stream()
                    .map(error -> error.getField())
                    .distinct()
                    .toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof BoundedNumbers.OutOfBounds outOfBounds) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, words().message(outOfBounds)));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, words().t("api.unreadable-body")));
    }

    /**
     * The words of the request's language (its Accept-Language, or the signed-in person's
     * choice).
     */
    private static Words words() {
        return Words.of(LocaleContextHolder.getLocale());
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(words().t("status." + status.value()));
        return problem;
    }

}
