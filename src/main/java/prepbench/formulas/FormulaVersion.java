package prepbench.formulas;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a formula with its lines, as the formula pages and the API show it.
 *
 * @param revision increases with every save of a draft; a save or release made against an
 * older revision is refused
 */
public record FormulaVersion(UUID formulaId, FormulaCode code, UUID versionId, int versionNo, String name,
        VersionStatus status, BigDecimal batchAmount, BatchUnit batchUnit, List<Line> lines, int revision,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, Instant releasedAt, String releasedBy,
        String releaseMeaning, Instant retiredAt, String retiredBy, String retiredReason) {

    /** How far the fractions may be from 1 (100 % ± 0.0001 %). */
    public static final BigDecimal SUM_TOLERANCE = new BigDecimal("0.000001");

    /**
     * The largest default batch amount a version may have, in its unit (forms and files
     * alike).
     */
    public static final BigDecimal MAX_BATCH_AMOUNT = new BigDecimal("1000000000");

    public FormulaVersion {
        lines = List.copyOf(lines);
    }

    /** The sum of the lines' fractions. */
    public BigDecimal fractionSum() {
        return lines.stream().map(Line::fraction).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether the fractions add up to 1 within {@link #SUM_TOLERANCE}. */
    public boolean sumsToOne() {
        return fractionSum().subtract(BigDecimal.ONE).abs().compareTo(SUM_TOLERANCE) <= 0;
    }

    public boolean isDraft() {
        return status == VersionStatus.DRAFT;
    }

    /**
     * One ingredient of the version.
     *
     * @param tolerance null when the line uses the default tolerance
     */
    public record Line(int lineNo, UUID ingredientId, String ingredientCode, String ingredientName,
            boolean ingredientActive, BigDecimal densityGPerMl, BigDecimal fraction, ToleranceOverride tolerance) {

        /** The fraction in percent, without trailing zeros. */
        public BigDecimal percent() {
            return fraction.movePointRight(2).stripTrailingZeros();
        }
    }

    /**
     * The version as its audit events record it when it is released, discarded or written
     * as demo data: name, batch and every line with its tolerance, in words. Verification
     * compares a version with the event that recorded it.
     */
    public java.util.Map<String, Object> recordedDescription() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", name);
        fields.put("batch", batchAmount.stripTrailingZeros().toPlainString() + " " + batchUnit.symbol());
        fields.put("lines", lines.stream().map(FormulaVersion::describe).toList());
        return fields;
    }

    private static String describe(FormulaVersion.Line line) {
        StringBuilder text = new StringBuilder().append(line.lineNo())
            .append(' ')
            .append(line.ingredientCode())
            .append(' ')
            .append(line.percent().toPlainString())
            .append(" %");
        ToleranceOverride tolerance = line.tolerance();
        if (tolerance != null) {
            text.append(" tolerance -").append(tolerance.minusSide()).append(" +").append(tolerance.plusSide());
        }
        return text.toString();
    }

}
