package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One weighing step of a session: which container to scan, how much to weigh, and what
 * was weighed. The ingredient's identity codes are copied from the formula when the
 * session starts, so later edits of the ingredient never change a running session. A step
 * is immutable; its transitions return a new step.
 *
 * @param scannedCode the code value of the container accepted for this step; null until
 * one is
 * @param manual whether the weight was entered by hand instead of read from the balance
 * @param balance the balance the weight was read from, as the record names it (its bench,
 * protocol and connection, or SIMULATED on a demo station); null until weighed
 * @param tareG the weight the step's tare took away (the vessel, with what earlier steps
 * poured); null until tared
 * @param lotRequired whether the ingredient needs its lot and expiry on record before it
 * is weighed
 */
public record Step(UUID id, int sequence, UUID ingredientId, String ingredientCode, String ingredientName,
        String requiredCodeValue, List<String> alternativeCodeValues, String allowedSymbologies, String parser,
        BigDecimal targetG, Tolerance tolerance, String scannedCode, String symbology, Instant scannedAt, String lot,
        LocalDate expiry, BigDecimal capturedG, Boolean stable, boolean manual, String manualReason, StepStatus status,
        String failureReason, Instant capturedAt, String balance, BigDecimal tareG, boolean lotRequired) {

    /** Why a step failed: a stable reading above target + tolerance. */
    public static final String OVER_DISPENSE = "OVER_DISPENSE";

    public Step {
        alternativeCodeValues = List.copyOf(alternativeCodeValues);
    }

    static Step planned(int sequence, BatchPlan.PlannedStep planned) {
        var line = planned.line();
        return new Step(UUID.randomUUID(), sequence, line.ingredientId(), line.ingredientCode(), line.ingredientName(),
                line.primaryCodeValue(), line.alternativeCodeValues(), line.allowedSymbologies(), line.parser(),
                planned.targetG(), planned.tolerance(), null, null, null, null, null, null, null, false, null,
                StepStatus.PENDING, null, null, null, null, line.lotRequired());
    }

    Step identified(String code, String symbologyId, String lotNo, LocalDate expiryDate, Instant at) {
        return new Step(id, sequence, ingredientId, ingredientCode, ingredientName, requiredCodeValue,
                alternativeCodeValues, allowedSymbologies, parser, targetG, tolerance, code, symbologyId, at, lotNo,
                expiryDate, null, null, false, null, status, null, null, null, null, lotRequired);
    }

    /**
     * The step with the lot and expiry typed from the container's label (which carried
     * neither).
     */
    Step withLot(String lotNo, LocalDate expiryDate) {
        return new Step(id, sequence, ingredientId, ingredientCode, ingredientName, requiredCodeValue,
                alternativeCodeValues, allowedSymbologies, parser, targetG, tolerance, scannedCode, symbology,
                scannedAt, lotNo, expiryDate, capturedG, stable, manual, manualReason, status, failureReason,
                capturedAt, balance, tareG, lotRequired);
    }

    /** Whether the lot and expiry must still be typed in before the step is weighed. */
    public boolean needsLot() {
        return lotRequired && isIdentified() && (lot == null || expiry == null);
    }

    /**
     * The step with the weight its tare took away: the vessel, with what earlier steps
     * poured into it.
     */
    Step tared(BigDecimal grams) {
        return new Step(id, sequence, ingredientId, ingredientCode, ingredientName, requiredCodeValue,
                alternativeCodeValues, allowedSymbologies, parser, targetG, tolerance, scannedCode, symbology,
                scannedAt, lot, expiry, capturedG, stable, manual, manualReason, status, failureReason, capturedAt,
                balance, grams, lotRequired);
    }

    Step weighed(BigDecimal grams, boolean isStable, boolean byHand, String reason, StepStatus outcome, String failure,
            Instant at, String scale) {
        return new Step(id, sequence, ingredientId, ingredientCode, ingredientName, requiredCodeValue,
                alternativeCodeValues, allowedSymbologies, parser, targetG, tolerance, scannedCode, symbology,
                scannedAt, lot, expiry, grams, isStable, byHand, reason, outcome, failure, at, scale, tareG,
                lotRequired);
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

    /** Whether the right container was scanned for this step. */
    public boolean isIdentified() {
        return scannedAt != null;
    }

    /**
     * Whether a code value is one of this step's: the primary code or an alternative,
     * ignoring case.
     */
    boolean accepts(String codeValue) {
        return requiredCodeValue.equalsIgnoreCase(codeValue)
                || alternativeCodeValues.stream().anyMatch(code -> code.equalsIgnoreCase(codeValue));
    }

    /**
     * Whether a scanner's symbology may be used for this step. Without an allowed list,
     * or when the scanner sent no AIM identifier, any symbology is accepted; otherwise
     * the identifier (e.g. {@code Q3}) or its letter ({@code Q}) must be listed.
     */
    boolean allowsSymbology(String aimIdentifier) {
        if (aimIdentifier == null || allowedSymbologies == null || allowedSymbologies.isBlank()) {
            return true;
        }
        for (String allowed : allowedSymbologies.split(",")) {
            String entry = allowed.strip();
            if (!entry.isEmpty() && (aimIdentifier.equals(entry) || aimIdentifier.startsWith(entry))) {
                return true;
            }
        }
        return false;
    }
}
