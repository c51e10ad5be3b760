package prepbench.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.audit.AuditEvent;
import prepbench.audit.AuditProblem;
import prepbench.audit.AuditQuery;
import prepbench.audit.AuditReview;
import prepbench.audit.TrailVerification;

/**
 * The audit trail as a whole, for lab leads and admins: search, verification of
 * everything, checkpoints.
 */
@RestController
class AuditApi {

    private final AuditReview review;

    AuditApi(AuditReview review) {
        this.review = review;
    }

    /**
     * The result of verifying every chain, every record against its chain, and every
     * checkpoint.
     *
     * @param problems at most {@link TrailVerification#MAX_LISTED}; {@code problemCount}
     * counts them all
     */
    record VerificationDto(boolean intact, int chains, long events, List<AuditProblem> problems, int problemCount,
            String at, long tookMs) {
    }

    @Operation(summary = "Verifies every chain, checkpoint and record of the audit trail (lab lead, admin)")
    @GetMapping("/api/v1/audit/verification")
    VerificationDto verifyEverything(Actor reviewer) {
        TrailVerification result = review.verifyEverything(reviewer);
        return new VerificationDto(result.intact(), result.chains(), result.events(), result.problems(),
                result.problemCount(), result.at().toString(), result.took().toMillis());
    }

    @Operation(summary = "Writes a checkpoint of every chain now (lab lead, admin)")
    @PostMapping("/api/v1/audit/checkpoints")
    AuditReview.Checkpoint writeCheckpoint(Actor reviewer) {
        return review.checkpoint(reviewer);
    }

    /**
     * One page of events, newest first; {@code next} is the {@code before} of the next
     * page, null on the last.
     */
    record EventsDto(List<AuditEvent> events, Long next) {
    }

    @Operation(summary = "Searches the audit trail, newest first, a page at a time (lab lead, admin)")
    @GetMapping("/api/v1/audit/events")
    EventsDto searchEvents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String formula, @RequestParam(required = false) String preparation,
            @RequestParam(required = false) String bench, @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") int limit, Actor reviewer) {
        AuditQuery query = AuditQuery.parse(from, to, actor, action, formula, preparation, bench, before,
                Math.min(limit, 500));
        List<AuditEvent> found = review.search(query, reviewer);
        boolean more = found.size() > query.limit();
        List<AuditEvent> page = more ? found.subList(0, query.limit()) : found;
        return new EventsDto(page, more ? page.get(page.size() - 1).id() : null);
    }

}
