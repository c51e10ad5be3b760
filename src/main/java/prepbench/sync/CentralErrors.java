package prepbench.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Central's answers to a station that are not an answer to its events: a body that is no
 * batch (400), or a failure central did not foresee (500), as ProblemDetail without a
 * trace; the station notes it and sends again.
 */
@RestControllerAdvice(assignableTypes = CentralEndpoints.class)
class CentralErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CentralErrors.class);

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail failed(RuntimeException failure) {
        log.error("Central could not answer a station", failure);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Central could not take this now; the station is to send it again.");
    }

}
