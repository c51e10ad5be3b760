package prepbench.preparation;

import prepbench.access.Actor;
import prepbench.formulas.FormulaCode;

/**
 * Start a preparation of a formula, or resume the operator's own in-progress one.
 *
 * @param batch null for the formula's default batch size
 * @param bench null when no bench was chosen
 */
public record StartPreparation(FormulaCode formulaCode, Actor operator, BatchSize batch, String bench) {
}
