package prepbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionSummary;
import prepbench.preparation.Step;

/**
 * A preparation session as the API shows it; field names follow the old app's, so its
 * data maps one to one. Made at a station (issue 18): at central, {@code station} and the
 * {@code stationAttemptNo} the station gave it (provisional), and the
 * {@code stationClockOffsetMs} its clock had; at the station, the
 * {@code centralAttemptNo} central gave it once central has it. Absent otherwise.
 */
record SessionDto(UUID id, UUID formulaId, UUID formulaVersionId, String formulaCode, String formulaName, int versionNo,
        int attemptNo, String status, String operator, String bench, BigDecimal amount, String unit,
        BigDecimal batchMassG, Instant startedAt, Instant endedAt, String endReason, List<StepDto> steps,
        @JsonInclude(JsonInclude.Include.NON_NULL) String station,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer stationAttemptNo,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer centralAttemptNo,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long stationClockOffsetMs) {

    static SessionDto of(PreparationSession session) {
        var origin = session.origin();
        return new SessionDto(session.id().value(), session.formulaId(), session.formulaVersionId(),
                session.formulaCode().value(), session.formulaName(), session.versionNo(), session.attemptNo(),
                session.status().code(), session.operator(), session.bench(), Json.plain(session.batch().amount()),
                session.batch().unit().symbol(), Json.plain(session.batchMassG()), session.startedAt(),
                session.endedAt(), session.endReason(), session.steps().stream().map(StepDto::of).toList(),
                origin.station(), origin.stationAttemptNo(), origin.centralAttemptNo(), origin.clockOffsetMs());
    }

    /**
     * A step; the tolerance is {@code toleranceAbsG}, or
     * {@code toleranceMinusG}/{@code tolerancePlusG} when asymmetric; {@code balance} is
     * the balance a captured weight was read from (bench, protocol, connection, or
     * SIMULATED), null for a manual entry; {@code tareG} what the step's tare took away
     * (the vessel, with what earlier steps poured), null until tared.
     */
    record StepDto(UUID id, int sequence, UUID ingredientId, String ingredientCode, String ingredientName,
            String requiredCodeValue, List<String> altCodeValues, String allowedSymbologies, String parser,
            BigDecimal targetQtyG, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal toleranceAbsG,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal toleranceMinusG,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal tolerancePlusG, BigDecimal capturedQtyG,
            @JsonProperty("isStable") Boolean isStable, boolean manual, String lot, LocalDate expiry, String status,
            String failureReason, Instant capturedAt, String balance, BigDecimal tareG) {

        static StepDto of(Step step) {
            boolean symmetric = step.tolerance().isSymmetric();
            return new StepDto(step.id(), step.sequence(), step.ingredientId(), step.ingredientCode(),
                    step.ingredientName(), step.requiredCodeValue(), step.alternativeCodeValues(),
                    step.allowedSymbologies(), step.parser(), Json.plain(step.targetG()),
                    symmetric ? Json.plain(step.tolerance().plusG()) : null,
                    symmetric ? null : Json.plain(step.tolerance().minusG()),
                    symmetric ? null : Json.plain(step.tolerance().plusG()), Json.plain(step.capturedG()),
                    step.stable(), step.manual(), step.lot(), step.expiry(), step.status().code(), step.failureReason(),
                    step.capturedAt(), step.balance(), Json.plain(step.tareG()));
        }
    }

    /** A session in a list, without its steps. */
    record SummaryDto(UUID id, String formulaCode, String formulaName, int versionNo, int attemptNo, String status,
            String operator, String bench, BigDecimal amount, String unit, int stepCount, int stepsDone,
            Instant startedAt, Instant endedAt) {

        static SummaryDto of(SessionSummary summary) {
            return new SummaryDto(summary.id(), summary.formulaCode(), summary.formulaName(), summary.versionNo(),
                    summary.attemptNo(), summary.status().code(), summary.operator(), summary.bench(),
                    Json.plain(summary.batch().amount()), summary.batch().unit().symbol(), summary.stepCount(),
                    summary.stepsDone(), summary.startedAt(), summary.endedAt());
        }
    }
}
