package prepbench.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for errors that no controller answered: an unknown address, a wrong method, a
 * failure. It never shows exception text or a stack trace.
 */
@Component
class ErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        ErrorPage page = switch (status) {
            case NOT_FOUND -> ErrorPage.of(404, "Page not found", "There is no page at this address.");
            case METHOD_NOT_ALLOWED -> ErrorPage.of(405, "Not possible here", "This page cannot do that.");
            case FORBIDDEN ->
                ErrorPage.of(403, "Not allowed", "Your role does not allow this. Ask a lab lead or an admin "
                        + "to do it, or to give your account the role it needs.");
            case BAD_REQUEST -> ErrorPage.of(400, "Bad request", "The request was damaged or incomplete.");
            case CONTENT_TOO_LARGE ->
                ErrorPage.of(413, "Too large", "This is far larger than PrepBench reads: a formula "
                        + "file is at most 2 MB (split a larger one and import the parts one by one), and before sign-in a "
                        + "form is at most 64 KB.");
            default -> status.is4xxClientError()
                    ? ErrorPage.of(status.value(), "Request refused", "The request could not be handled.")
                    : ErrorPage.of(status.value(), "Something went wrong",
                            "PrepBench could not finish this. Nothing half-done was saved; try again, and tell "
                                    + "your lab lead if it happens again.");
        };
        return new ModelAndView("error", Map.of("ctx", PageContextAdvice.of(request), "page",
                page.then("Go back to the dashboard and scan again.")), status);
    }

}
