package prepbench.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import prepbench.preparation.SessionEvents.SessionCompleted;
import prepbench.preparation.Step;

/**
 * The record of a completed preparation: planned and actual mass, in total and per
 * ingredient, with lots.
 */
public record Sample(UUID id, String code, UUID sessionId, String formulaCode, int attemptNo, BigDecimal plannedG,
        BigDecimal actualG, Instant recordedAt, String recordedBy, List<Line> lines, List<Test> tests) {

    public Sample {
        lines = List.copyOf(lines);
        tests = List.copyOf(tests);
    }

    /**
     * The sample a completed preparation produced: its code ({@code PRM00936-3}), the
     * planned and actual mass in all and per ingredient, with lots, expiry and manual
     * entries.
     */
    static Sample of(SessionCompleted completed) {
        BigDecimal planned = completed.steps().stream().map(Step::targetG).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = completed.steps().stream().map(Step::capturedG).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Line> lines = completed.steps()
            .stream()
            .map(step -> new Line(step.sequence(), step.ingredientCode(), step.ingredientName(), step.targetG(),
                    step.capturedG(), step.lot(), step.expiry(), step.manual()))
            .toList();
        return new Sample(UUID.randomUUID(), completed.formulaCode() + "-" + completed.attemptNo(),
                completed.sessionId(), completed.formulaCode(), completed.attemptNo(), planned, actual, completed.at(),
                completed.operator(), lines, List.of());
    }

    /**
     * A test after preparation scheduled on the sample, and its result once recorded.
     *
     * @param result {@code pass} or {@code fail}; null while open
     */
    public record Test(UUID id, String name, Instant dueAt, String result, String value, String note,
            Instant recordedAt, String recordedBy) {

        public boolean open() {
            return result == null;
        }

        /** Open and past its due time. */
        public boolean overdueAt(Instant now) {
            return open() && dueAt.isBefore(now);
        }
    }

    /** One ingredient of the sample. */
    public record Line(int sequence, String ingredientCode, String ingredientName, BigDecimal plannedG,
            BigDecimal actualG, String lot, LocalDate expiry, boolean manual) {
    }
}
