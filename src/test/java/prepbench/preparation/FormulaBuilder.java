package prepbench.preparation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.ReleasedFormula;
import prepbench.formulas.ToleranceOverride;

/** Test data: a released formula, line by line. */
final class FormulaBuilder {

    private final List<ReleasedFormula.Line> lines = new ArrayList<>();

    static FormulaBuilder aFormula() {
        return new FormulaBuilder();
    }

    FormulaBuilder withLine(String name, String fraction, String density) {
        return withLine(name, fraction, density, null);
    }

    FormulaBuilder withLine(String name, String fraction, String density, ToleranceOverride tolerance) {
        return withLine(name, fraction, density, tolerance, false);
    }

    /** A line whose ingredient needs its lot and expiry on record. */
    FormulaBuilder withLotRequiredLine(String name, String fraction) {
        return withLine(name, fraction, null, null, true);
    }

    private FormulaBuilder withLine(String name, String fraction, String density, ToleranceOverride tolerance,
            boolean lotRequired) {
        lines.add(new ReleasedFormula.Line(lines.size() + 1, UUID.randomUUID(), name.toUpperCase(), name,
                new BigDecimal(fraction), density == null ? null : new BigDecimal(density), tolerance,
                "ING-" + name.toUpperCase(), List.of(), "", "plain", lotRequired));
        return this;
    }

    ReleasedFormula build() {
        return new ReleasedFormula(UUID.randomUUID(), FormulaCode.of("TEST001"), "Test formula", UUID.randomUUID(), 1,
                new BigDecimal("100"), BatchUnit.G, lines);
    }

}
