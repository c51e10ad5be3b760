package prepbench.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import prepbench.entry.Decimals;
import prepbench.formulas.BatchUnit;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.ToleranceOverride;

/**
 * Checks the values of a formula file one at a time and collects every problem, so that a
 * file with many mistakes is fixed in one round. Each check answers the value as stored,
 * or null when it is absent or wrong.
 */
final class FileValues {

    static final int MAX_NAME_LENGTH = 200;
    static final BigDecimal HUNDRED = new BigDecimal("100");

    /**
     * Enough to fix a file in one round; a file of garbage would otherwise give a
     * million.
     */
    static final int MAX_PROBLEMS = 1000;

    private static final int MAX_QUOTED_LENGTH = 40;

    /**
     * Digits with commas, spaces or apostrophes: a decimal comma or thousands separators.
     */
    private final List<FileProblem> problems = new ArrayList<>();

    private final Map<String, Integer> rows = new HashMap<>();

    private boolean moreProblems;

    /**
     * Remembers where a formula (lineNo null) or one of its lines is in the file, for
     * later problems.
     */
    void locate(String formulaCode, Integer lineNo, int row) {
        rows.putIfAbsent(ReadFile.place(formulaCode, lineNo), row);
    }

    Map<String, Integer> rows() {
        return rows;
    }

    void report(int row, String field, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FileProblem(row, field, message));
        }
        else {
            moreProblems = true;
        }
    }

    void report(FileCell cell, String message) {
        report(cell.row(), cell.field(), message);
    }

    /**
     * The problems found, and a last one saying that there are more when there were too
     * many to list.
     */
    List<FileProblem> problems() {
        if (!moreProblems) {
            return problems;
        }
        List<FileProblem> all = new ArrayList<>(problems);
        all.add(new FileProblem(0, "", "The file has more problems than the " + MAX_PROBLEMS + " listed; fix these"
                + " and import it again to see the rest."));
        return all;
    }

    boolean none() {
        return problems.isEmpty();
    }

    String formulaCode(FileCell cell) {
        return code(cell, "formula code");
    }

    /** Ingredient codes follow the same syntax as formula codes. */
    String ingredientCode(FileCell cell) {
        return code(cell, "ingredient code");
    }

    private String code(FileCell cell, String label) {
        String text = requiredText(cell, label);
        if (text == null) {
            return null;
        }
        return FormulaCode.tryParse(text).map(FormulaCode::value).orElseGet(() -> {
            report(cell, quote(text) + " is not " + article(label) + ": use letters, digits, '-', '_' and '.' only,"
                    + " starting with a letter or digit, at most " + FormulaCode.MAX_LENGTH + " characters.");
            return null;
        });
    }

    String formulaName(FileCell cell) {
        String text = requiredText(cell, "formula name");
        if (text == null) {
            return null;
        }
        String name = text.strip();
        if (name.indexOf('\uFFFD') >= 0) {
            report(cell, "The formula name " + quote(name) + " contains a character that could not be read; save the"
                    + " file as UTF-8 (in Excel: \"CSV UTF-8\") and import it again.");
            return null;
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            report(cell, "The formula name " + quote(name) + " contains a control character (shown as \\u…);"
                    + " remove it.");
            return null;
        }
        int length = name.length();
        if (length > MAX_NAME_LENGTH) {
            report(cell, "The formula name " + quote(name) + " is " + length + " characters long; shorten it to at"
                    + " most " + MAX_NAME_LENGTH + " characters.");
            return null;
        }
        return name;
    }

    String batchUnit(FileCell cell) {
        String text = requiredText(cell, "batch unit");
        if (text == null) {
            return null;
        }
        return BatchUnit.fromSymbol(text).map(BatchUnit::symbol).orElseGet(() -> {
            report(cell, quote(text) + " is not a batch unit; use g, kg, mg, mL or L.");
            return null;
        });
    }

    BigDecimal batchAmount(FileCell cell) {
        BigDecimal amount = requiredNumber(cell, "batch amount");
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            return refuse(cell, "The batch amount " + quote(cell.text()) + " must be greater than 0.");
        }
        if (amount.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0) {
            return refuse(cell, "The batch amount " + quote(cell.text()) + " is too large; it can be at most "
                    + FormulaVersion.MAX_BATCH_AMOUNT.toPlainString() + ".");
        }
        return decimals(cell, "batch amount", amount, 6);
    }

    Integer lineNo(FileCell cell) {
        BigDecimal number = requiredNumber(cell, "line number");
        if (number == null) {
            return null;
        }
        if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(new BigDecimal("999")) > 0
                || number.stripTrailingZeros().scale() > 0) {
            return refuse(cell, "The line number " + quote(cell.text()) + " must be a whole number from 1 to 999.");
        }
        return number.intValue();
    }

    BigDecimal fraction(FileCell cell) {
        BigDecimal fraction = requiredNumber(cell, "fraction");
        if (fraction == null) {
            return null;
        }
        if (fraction.signum() <= 0) {
            return refuse(cell, "The fraction " + quote(cell.text()) + " is not allowed: fractions must be greater"
                    + " than zero. Leave out an ingredient that is not used.");
        }
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            return refuse(cell, "The fraction " + quote(cell.text()) + " is more than 1: a fraction is the part of"
                    + " the batch, from 0 to 1 (0.78 is 78 %). Divide a percentage by 100.");
        }
        return decimals(cell, "fraction", fraction, 10);
    }

    /** A percentage of the batch, answered as the fraction: exactly percent / 100. */
    BigDecimal percentAsFraction(FileCell cell) {
        BigDecimal percent = requiredNumber(cell, "percent");
        if (percent == null) {
            return null;
        }
        if (percent.signum() <= 0) {
            return refuse(cell, "The percent " + quote(cell.text()) + " is not allowed: percentages must be greater"
                    + " than zero. Leave out an ingredient that is not used.");
        }
        if (percent.compareTo(HUNDRED) > 0) {
            return refuse(cell,
                    "The percent " + quote(cell.text()) + " is more than 100; a line is at most the whole" + " batch.");
        }
        if (percent.stripTrailingZeros().scale() > 8) {
            return refuse(cell, "The percent " + quote(cell.text()) + " has too many decimal places; use at most 8"
                    + " decimal places in percent.");
        }
        return FormulaDocument.plain(percent.movePointLeft(2));
    }

    /**
     * A line's tolerance from its four cells (minus and plus, each in g or in %), each
     * side given in one unit at most; a problem for each cell at fault.
     */
    ToleranceOverride tolerance(FileCell minusGCell, FileCell plusGCell, FileCell minusPctCell, FileCell plusPctCell) {
        BigDecimal minusG = toleranceG(minusGCell, "minus tolerance in g");
        BigDecimal plusG = toleranceG(plusGCell, "plus tolerance in g");
        BigDecimal minusPct = tolerancePct(minusPctCell, "minus tolerance in %");
        BigDecimal plusPct = tolerancePct(plusPctCell, "plus tolerance in %");
        oneUnitPerSide(minusGCell, minusG, minusPctCell, minusPct, "minus");
        oneUnitPerSide(plusGCell, plusG, plusPctCell, plusPct, "plus");
        return new ToleranceOverride(minusG, plusG, minusPct, plusPct);
    }

    BigDecimal toleranceG(FileCell cell, String label) {
        BigDecimal grams = optionalNumber(cell, label);
        if (grams == null) {
            return null;
        }
        if (grams.signum() < 0) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " must not be negative; a tolerance is"
                    + " a distance from the target, such as 0.5.");
        }
        if (grams.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " is too large; it can be at most "
                    + FormulaVersion.MAX_BATCH_AMOUNT.toPlainString() + ".");
        }
        return decimals(cell, label, grams, 6);
    }

    BigDecimal tolerancePct(FileCell cell, String label) {
        BigDecimal percent = optionalNumber(cell, label);
        if (percent == null) {
            return null;
        }
        if (percent.signum() < 0) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " must not be negative; a tolerance is"
                    + " a distance from the target, such as 2.");
        }
        if (percent.compareTo(HUNDRED) > 0) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " is more than 100; give at most 100.");
        }
        return decimals(cell, label, percent, 4);
    }

    /** Refuses one side of a tolerance given both in grams and in percent. */
    void oneUnitPerSide(FileCell grams, BigDecimal inGrams, FileCell percent, BigDecimal inPercent, String side) {
        if (inGrams != null && inPercent != null) {
            report(percent, "The " + side + " tolerance is given both in g (" + grams.field() + ") and in % ("
                    + percent.field() + "); keep one of them.");
        }
    }

    private String requiredText(FileCell cell, String label) {
        if (cell.isBlank()) {
            report(cell, "The " + label + " is missing; fill it in.");
            return null;
        }
        if (!cell.textual()) {
            report(cell, "The " + label + " " + quote(cell.text()) + " must be given as text in quotes.");
            return null;
        }
        return cell.text();
    }

    private BigDecimal requiredNumber(FileCell cell, String label) {
        if (cell.isBlank()) {
            report(cell, "The " + label + " is missing; fill it in.");
            return null;
        }
        return number(cell, label);
    }

    private BigDecimal optionalNumber(FileCell cell, String label) {
        return cell.isBlank() ? null : number(cell, label);
    }

    private BigDecimal number(FileCell cell, String label) {
        if (cell.number() != null) {
            return cell.number();
        }
        if (!cell.textual()) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " must be a number, such as 0.25.");
        }
        String text = cell.text().strip();
        Decimals.Read read = Decimals.read(text);
        if (read.isNumber()) {
            return read.value();
        }
        return refuse(cell, "The " + label + " " + quote(text) + switch (read.problem()) {
            case TOO_LONG -> " is too long to be a number.";
            case EXPONENT -> " is written with an exponent; write the number out with a dot as decimal separator,"
                    + " such as 0.01 instead of 1e-2.";
            case SEPARATORS -> " is not a number PrepBench can read: use a dot as decimal separator and no thousands"
                    + " separators, such as 1234.5.";
            default -> " is not a number; write it with a dot as decimal separator, such as 0.25.";
        });
    }

    private BigDecimal decimals(FileCell cell, String label, BigDecimal number, int maxDecimals) {
        if (number.stripTrailingZeros().scale() > maxDecimals) {
            return refuse(cell, "The " + label + " " + quote(cell.text()) + " has more than " + maxDecimals
                    + " decimal places; round it to at most " + maxDecimals + ".");
        }
        return FormulaDocument.plain(number);
    }

    private <T> T refuse(FileCell cell, String message) {
        report(cell, message);
        return null;
    }

    private static String article(String label) {
        return label.startsWith("i") ? "an " + label : "a " + label;
    }

    /**
     * The value in double quotes, cut to 40 characters, with control and other invisible
     * characters shown as {@code \}{@code uXXXX} so that a message never carries them.
     */
    static String quote(String value) {
        return "\"" + visible(value == null ? "" : value, MAX_QUOTED_LENGTH) + "\"";
    }

    /**
     * The text cut to {@code maxLength} characters, with invisible characters written as
     * escapes.
     */
    static String visible(String text, int maxLength) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length();) {
            if (count == maxLength) {
                shown.append('…');
                break;
            }
            int c = text.codePointAt(i);
            if (isInvisible(c)) {
                shown.append(c > 0xFFFF ? "?" : String.format("\\u%04X", c));
            }
            else {
                shown.appendCodePoint(c);
            }
            count++;
            i += Character.charCount(c);
        }
        return shown.toString();
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

}
