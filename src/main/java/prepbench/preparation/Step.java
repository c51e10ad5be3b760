package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One weighing step of a session: which container to scan, how much to weigh, and what was weighed. The
 * ingredient's identity codes are copied from the formula when the session starts, so later edits of the
 * ingredient never change a running session.
 */
public record Step(UUID id, int sequence, UUID ingredientId, String ingredientCode, String ingredientName,
        String requiredCodeValue, List<String> alternativeCodeValues, String allowedSymbologies, String parser,
        BigDecimal targetG, Tolerance tolerance, BigDecimal capturedG, Boolean stable, boolean manual,
        String manualReason, String lot, LocalDate expiry, StepStatus status, String failureReason,
        Instant capturedAt, String scaleId) {

    public Step {
        alternativeCodeValues = List.copyOf(alternativeCodeValues);
    }

    static Step planned(int sequence, BatchPlan.PlannedStep planned) {
        var line = planned.line();
        return new Step(UUID.randomUUID(), sequence, line.ingredientId(), line.ingredientCode(),
                line.ingredientName(), line.primaryCodeValue(), line.alternativeCodeValues(),
                line.allowedSymbologies(), line.parser(), planned.targetG(), planned.tolerance(), null, null, false,
                null, null, null, StepStatus.PENDING, null, null, null);
    }

    public BigDecimal lowerLimitG() {
        return tolerance.lowerLimit(targetG);
    }

    public BigDecimal upperLimitG() {
        return tolerance.upperLimit(targetG);
    }

    public boolean isPending() {
        return status == StepStatus.PENDING;
    }
}
