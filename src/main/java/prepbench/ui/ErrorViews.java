package prepbench.ui;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import prepbench.entry.Words;

/**
 * The page for errors that no controller answered: an unknown address, a wrong method, a
 * failure. It never shows exception text or a stack trace.
 */
@Component
class ErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Words words = Languages.words(request);
        ErrorPage page = switch (status) {
            case NOT_FOUND -> page(words, 404, "error.page-not-found");
            case METHOD_NOT_ALLOWED -> page(words, 405, "error.not-possible-here");
            case FORBIDDEN -> page(words, 403, "error.not-allowed");
            case BAD_REQUEST -> page(words, 400, "error.bad-request");
            case CONTENT_TOO_LARGE -> page(words, 413, "error.too-large");
            default ->
                page(words, status.value(), status.is4xxClientError() ? "error.request-refused" : "error.failure");
        };
        return new ModelAndView("error",
                Map.of("ctx", PageContextAdvice.of(request), "page", page.then(words.t("error.then.dashboard"))),
                status);
    }

    private static ErrorPage page(Words words, int status, String key) {
        return ErrorPage.of(status, words.t(key), words.t(key + ".message"));
    }

}
