package prepbench.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The record of a completed preparation: planned and actual mass, in total and per ingredient, with lots. */
public record Sample(UUID id, String code, UUID sessionId, String formulaCode, int attemptNo, BigDecimal plannedG,
        BigDecimal actualG, Instant recordedAt, String recordedBy, List<Line> lines) {

    public Sample {
        lines = List.copyOf(lines);
    }

    /** One ingredient of the sample. */
    public record Line(int sequence, String ingredientCode, String ingredientName, BigDecimal plannedG,
            BigDecimal actualG, String lot, LocalDate expiry, boolean manual) {
    }
}
