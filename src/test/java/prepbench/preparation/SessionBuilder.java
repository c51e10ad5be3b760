package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.ReleasedFormula;

/**
 * Test data: a preparation session just started, of a formula ({@link FormulaBuilder})
 * for a batch, by an operator at a bench, as attempt 1. Readability 1 mg, batches up to 1
 * kg.
 */
public final class SessionBuilder {

    private ReleasedFormula formula = FormulaBuilder.aFormula()
        .withLine("a", "0.6", null)
        .withLine("b", "0.4", null)
        .build();

    private BatchSize batch = new BatchSize(new BigDecimal("100"), BatchUnit.G);

    private String operator = "tina";

    private String bench = "bench-1";

    private Instant startedAt = Instant.parse("2026-11-27T08:00:00Z");

    /**
     * By default two steps: "a" 60 g ± 0.3 g and "b" 40 g ± 0.2 g of a 100 g batch, codes
     * ING-A and ING-B.
     */
    public static SessionBuilder aSession() {
        return new SessionBuilder();
    }

    SessionBuilder of(ReleasedFormula releasedFormula) {
        this.formula = releasedFormula;
        return this;
    }

    SessionBuilder of(FormulaBuilder releasedFormula) {
        return of(releasedFormula.build());
    }

    /** A batch in grams. */
    SessionBuilder grams(String amount) {
        this.batch = new BatchSize(new BigDecimal(amount), BatchUnit.G);
        return this;
    }

    SessionBuilder startedAt(Instant at) {
        this.startedAt = at;
        return this;
    }

    public PreparationSession build() {
        return PreparationSession.start(formula,
                BatchPlan.of(formula, batch, new BigDecimal("0.001"), new BigDecimal("1000")), batch, 1, operator,
                bench, startedAt);
    }

}
