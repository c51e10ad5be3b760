package prepbench.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import prepbench.formulas.FormulaVersion;
import prepbench.entry.Text;
import prepbench.formulas.ToleranceOverride;

/**
 * A formula being read from a file, line by line, with the checks that span its lines.
 */
final class FormulaDraft {

    /** 100 % ± 0.0001 %: what rounding in a spreadsheet may leave, and no more. */

    private final String code;

    /** How problems name the formula: its code, or its place when it has none. */
    private final Object named;

    private final int firstRow;

    private String name;

    private BigDecimal batchAmount;

    private String batchUnit;

    private final List<FormulaDocument.Line> lines = new ArrayList<>();

    private final Map<Integer, Object> lineNoSeen = new HashMap<>();

    private final Map<String, Object> ingredientSeen = new HashMap<>();

    private BigDecimal sum = BigDecimal.ZERO;

    private boolean everyFractionKnown = true;

    FormulaDraft(String code, int firstRow) {
        this(code, code, firstRow);
    }

    /**
     * @param named how problems name the formula when it has no code, such as
     * {@code entry.file.formula-number} ("number 3")
     */
    FormulaDraft(String code, Object named, int firstRow) {
        this.code = code;
        this.named = named;
        this.firstRow = firstRow;
    }

    void describe(String name, BigDecimal batchAmount, String batchUnit) {
        this.name = name;
        this.batchAmount = batchAmount;
        this.batchUnit = batchUnit;
    }

    /**
     * Adds a line whose values have been checked one by one; a null value was absent or
     * wrong and has been reported. Refuses a line number or ingredient the formula
     * already has.
     * @param where how a message names the place of this line, such as
     * {@code entry.file.row} ("row 5") or a JSON path
     */
    void addLine(FileValues values, Object where, FileCell lineNoCell, Integer lineNo, FileCell ingredientCell,
            String ingredient, BigDecimal fraction, ToleranceOverride tolerance) {
        boolean unique = true;
        values.locate(code, null, firstRow);
        if (lineNo != null && ingredientCell != null) {
            values.locate(code, lineNo, ingredientCell.row());
        }
        if (lineNo != null) {
            Object earlier = lineNoSeen.putIfAbsent(lineNo, where);
            if (earlier != null) {
                values.report(lineNoCell, Text.of("entry.file.line-number-twice", lineNo, named, earlier));
                unique = false;
            }
        }
        if (ingredient != null) {
            Object earlier = ingredientSeen.putIfAbsent(ingredient, where);
            if (earlier != null) {
                values.report(ingredientCell, Text.of("entry.file.ingredient-twice", ingredient, named, earlier));
                unique = false;
            }
        }
        if (fraction == null) {
            everyFractionKnown = false;
        }
        else {
            sum = sum.add(fraction);
        }
        if (unique && lineNo != null && ingredient != null && fraction != null) {
            lines.add(new FormulaDocument.Line(lineNo, ingredient, fraction, tolerance.minusG(), tolerance.plusG(),
                    tolerance.minusPct(), tolerance.plusPct()));
        }
    }

    /**
     * Refuses fractions that do not add up to 1; says nothing while a fraction is
     * unknown.
     */
    void checkSum(FileValues values, String field) {
        if (everyFractionKnown && sum.subtract(BigDecimal.ONE).abs().compareTo(FormulaVersion.SUM_TOLERANCE) > 0) {
            String percent = FormulaDocument.plain(sum.movePointRight(2)).toPlainString();
            values.report(firstRow, field, Text.of("entry.file.sum-not-100", named, percent));
        }
    }

    FormulaDocument asDocument() {
        List<FormulaDocument.Line> ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparingInt(FormulaDocument.Line::lineNo));
        return new FormulaDocument(code, name, batchAmount, batchUnit, ordered);
    }

}
