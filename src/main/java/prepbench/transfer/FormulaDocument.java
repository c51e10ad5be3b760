package prepbench.transfer;

import java.math.BigDecimal;
import java.util.List;

import prepbench.formulas.BatchUnit;

/**
 * One formula version as it travels in an import or export file. Numbers are kept without
 * trailing zeros ({@code 0.7800} becomes {@code 0.78}, {@code 1E+2} becomes {@code 100}),
 * so a document read back from a file equals the one written.
 *
 * @param code canonical formula code (upper case)
 * @param batchAmount the default batch size, in {@code batchUnit}
 * @param batchUnit the symbol of a {@link BatchUnit}: g, kg, mg, mL or L
 * @param lines in the order of their line numbers when read from a file
 */
public record FormulaDocument(String code, String name, BigDecimal batchAmount, String batchUnit, List<Line> lines) {

    public FormulaDocument {
        batchAmount = plain(batchAmount);
        lines = List.copyOf(lines);
    }

    /**
     * One ingredient of the formula. A tolerance left null means the line uses the
     * default tolerance on that side; each side is given in grams or in percent of the
     * target, not both.
     *
     * @param fraction mass fraction of the batch, 0 &lt; fraction &le; 1
     */
    public record Line(int lineNo, String ingredientCode, BigDecimal fraction, BigDecimal tolMinusG,
            BigDecimal tolPlusG, BigDecimal tolMinusPct, BigDecimal tolPlusPct) {

        public Line {
            fraction = plain(fraction);
            tolMinusG = plain(tolMinusG);
            tolPlusG = plain(tolPlusG);
            tolMinusPct = plain(tolMinusPct);
            tolPlusPct = plain(tolPlusPct);
        }
    }

    /**
     * The number without trailing zeros and never with a positive exponent; null stays
     * null.
     */
    static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
