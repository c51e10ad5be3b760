package prepbench.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import prepbench.formulas.FormulaVersion;
import prepbench.formulas.ToleranceOverride;

/** One version of a formula as the API shows it. */
record VersionDto(UUID formulaId, String code, UUID versionId, int versionNo, String name, String status,
        BigDecimal batchAmount, String batchUnit, BigDecimal fractionSum, int revision, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, Instant releasedAt, String releasedBy,
        String releaseMeaning, Instant retiredAt, String retiredBy, String retiredReason, List<LineDto> lines) {

    record LineDto(int lineNo, String ingredientCode, String ingredientName, BigDecimal fraction,
            BigDecimal toleranceMinusG, BigDecimal tolerancePlusG, BigDecimal toleranceMinusPct,
            BigDecimal tolerancePlusPct) {
    }

    static VersionDto of(FormulaVersion version) {
        return new VersionDto(version.formulaId(), version.code().value(), version.versionId(), version.versionNo(),
                version.name(), version.status().code(), Json.plain(version.batchAmount()),
                version.batchUnit().symbol(), Json.plain(version.fractionSum()), version.revision(),
                version.createdAt(), version.createdBy(), version.updatedAt(), version.updatedBy(),
                version.releasedAt(), version.releasedBy(), version.releaseMeaning(), version.retiredAt(),
                version.retiredBy(), version.retiredReason(), version.lines().stream().map(line -> {
                    ToleranceOverride tolerance = line.tolerance() == null
                            ? new ToleranceOverride(null, null, null, null) : line.tolerance();
                    return new LineDto(line.lineNo(), line.ingredientCode(), line.ingredientName(),
                            Json.plain(line.fraction()), Json.plain(tolerance.minusG()), Json.plain(tolerance.plusG()),
                            Json.plain(tolerance.minusPct()), Json.plain(tolerance.plusPct()));
                }).toList());
    }
}
