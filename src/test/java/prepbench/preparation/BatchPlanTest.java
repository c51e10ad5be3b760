package prepbench.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static prepbench.preparation.FormulaBuilder.aFormula;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import prepbench.formulas.BatchUnit;
import prepbench.formulas.ToleranceOverride;

class BatchPlanTest {

    private static final BigDecimal READABILITY = new BigDecimal("0.001");

    private static final BigDecimal MAX_BATCH = new BigDecimal("100000");

    private static BatchPlan plan(prepbench.formulas.ReleasedFormula formula, String amount, BatchUnit unit) {
        return BatchPlan.of(formula, new BatchSize(new BigDecimal(amount), unit), READABILITY, MAX_BATCH);
    }

    @Test
    void scalesTargetsToTheBatchAndRoundsToTheReadability() {
        var formula = aFormula().withLine("a", "0.3333333333", "1").withLine("b", "0.6666666667", "1").build();

        BatchPlan plan = plan(formula, "10", BatchUnit.G);

        assertThat(plan.steps()).extracting(BatchPlan.PlannedStep::targetG)
            .containsExactly(new BigDecimal("3.333"), new BigDecimal("6.667"));
        assertThat(plan.batchMassG()).isEqualByComparingTo("10");
    }

    @Test
    void convertsKilogramsAndMilligramsToGrams() {
        var formula = aFormula().withLine("a", "0.5", null).withLine("b", "0.5", null).build();

        assertThat(plan(formula, "1.5", BatchUnit.KG).steps().get(0).targetG()).isEqualByComparingTo("750");
        assertThat(plan(formula, "500", BatchUnit.MG).steps().get(0).targetG()).isEqualByComparingTo("0.25");
    }

    @Test
    void defaultToleranceIsHalfAPercentButNeverBelowTenMilligrams() {
        var formula = aFormula().withLine("big", "0.9", null).withLine("small", "0.1", null).build();

        BatchPlan plan = plan(formula, "100", BatchUnit.G);

        assertThat(plan.steps().get(0).tolerance())
            .isEqualTo(new Tolerance(new BigDecimal("0.450"), new BigDecimal("0.450")));
        assertThat(plan.steps().get(1).tolerance().plusG()).isEqualByComparingTo("0.050");
        var tiny = plan(formula, "1", BatchUnit.G).steps().get(1);
        assertThat(tiny.targetG()).isEqualByComparingTo("0.1");
        assertThat(tiny.tolerance().minusG()).isEqualByComparingTo("0.010");
    }

    @Test
    void toleranceIsRoundedUpToTheReadability() {
        var formula = aFormula().withLine("a", "1", null).build();

        Tolerance tolerance = plan(formula, "3.3333", BatchUnit.G).steps().get(0).tolerance();

        assertThat(tolerance.plusG()).isEqualByComparingTo("0.017");
    }

    @Test
    void lineOverridesToleranceInGramsOrPercentPerSide() {
        var absolute = ToleranceOverride.absolute(new BigDecimal("0.5"));
        var asymmetric = new ToleranceOverride(null, null, new BigDecimal("2"), new BigDecimal("1"));
        var formula = aFormula().withLine("a", "0.5", null, absolute).withLine("b", "0.5", null, asymmetric).build();

        BatchPlan plan = plan(formula, "100", BatchUnit.G);

        assertThat(plan.steps().get(0).tolerance())
            .isEqualTo(new Tolerance(new BigDecimal("0.500"), new BigDecimal("0.500")));
        Tolerance second = plan.steps().get(1).tolerance();
        assertThat(second.minusG()).isEqualByComparingTo("1.0");
        assertThat(second.plusG()).isEqualByComparingTo("0.5");
        assertThat(second.isSymmetric()).isFalse();
    }

    @Test
    void volumeBatchUsesDensitiesWithIdealMixing() {
        var formula = aFormula().withLine("alcohol", "0.5", "0.8").withLine("water", "0.5", "1.0").build();

        BatchPlan plan = plan(formula, "90", BatchUnit.ML);

        // 1 g of mixture takes 0.5/0.8 + 0.5/1.0 = 1.125 mL, so 90 mL weigh 80 g
        assertThat(plan.batchMassG()).isEqualByComparingTo("80");
        assertThat(plan.steps()).extracting(BatchPlan.PlannedStep::targetG)
            .containsExactly(new BigDecimal("40.000"), new BigDecimal("40.000"));
        assertThat(plan(formula, "0.09", BatchUnit.L).batchMassG()).isEqualByComparingTo("80");
    }

    @Test
    void refusesVolumeBatchWhenAnIngredientHasNoDensity() {
        var formula = aFormula().withLine("alcohol", "0.9", "0.8").withLine("vanillin", "0.1", null).build();

        assertThatThrownBy(() -> plan(formula, "100", BatchUnit.ML))
            .isInstanceOfSatisfying(InvalidBatch.class, refused -> assertThat(refused.field()).isEqualTo("unit"))
            .hasMessageContaining("no density for vanillin")
            .hasMessageContaining("Enter the batch in g, kg or mg");
    }

    @Test
    void refusesBatchLargerThanTheBenchCanWeigh() {
        var formula = aFormula().withLine("a", "1", null).build();

        assertThatThrownBy(() -> plan(formula, "100.001", BatchUnit.KG)).isInstanceOf(InvalidBatch.class)
            .hasMessageContaining("100000 g at most");
    }

    @Test
    void refusesBatchSoSmallThatAnIngredientRoundsToNothing() {
        var formula = aFormula().withLine("main", "0.999", null).withLine("trace", "0.001", null).build();

        assertThatThrownBy(() -> plan(formula, "0.4", BatchUnit.G)).isInstanceOf(InvalidBatch.class)
            .hasMessageContaining("trace would weigh less than the balance can show");
    }

}
