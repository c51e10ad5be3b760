package prepbench.database;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes every failure of a page or API request that the database caused, before the
 * page's or the API's own error handling answers it (this resolver is asked first and
 * never answers itself).
 */
@Configuration
class DatabaseFailures implements WebMvcConfigurer, HandlerExceptionResolver {

    private final DatabaseErrors errors;

    DatabaseFailures(DatabaseErrors errors) {
        this.errors = errors;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this);
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        errors.record(request.getMethod() + " " + request.getRequestURI(), failure);
        return null;
    }

}
