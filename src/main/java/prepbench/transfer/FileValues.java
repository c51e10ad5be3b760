package prepbench.transfer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import prepbench.entry.Decimals;
import prepbench.entry.Text;
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

    void report(int row, String field, Text message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FileProblem(row, field, message));
        }
        else {
            moreProblems = true;
        }
    }

    void report(FileCell cell, Text message) {
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
        all.add(new FileProblem(0, "", Text.of("entry.file.more-problems", MAX_PROBLEMS)));
        return all;
    }

    boolean none() {
        return problems.isEmpty();
    }

    String formulaCode(FileCell cell) {
        return code(cell, label("formula-code"), Text.of("entry.file.a-formula-code"));
    }

    /** Ingredient codes follow the same syntax as formula codes. */
    String ingredientCode(FileCell cell) {
        return code(cell, label("ingredient-code"), Text.of("entry.file.an-ingredient-code"));
    }

    private String code(FileCell cell, Text label, Text aCode) {
        String text = requiredText(cell, label);
        if (text == null) {
            return null;
        }
        return FormulaCode.tryParse(text).map(FormulaCode::value).orElseGet(() -> {
            report(cell, Text.of("entry.file.not-a-code", quote(text), aCode, FormulaCode.MAX_LENGTH));
            return null;
        });
    }

    String formulaName(FileCell cell) {
        String text = requiredText(cell, label("formula-name"));
        if (text == null) {
            return null;
        }
        String name = text.strip();
        if (name.indexOf('\uFFFD') >= 0) {
            report(cell, Text.of("entry.file.name-unreadable", quote(name), "UTF-8", "Excel", "CSV UTF-8"));
            return null;
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            report(cell, Text.of("entry.file.name-control", quote(name), "\\u…"));
            return null;
        }
        int length = name.length();
        if (length > MAX_NAME_LENGTH) {
            report(cell, Text.of("entry.file.name-too-long", quote(name), length, MAX_NAME_LENGTH));
            return null;
        }
        return name;
    }

    String batchUnit(FileCell cell) {
        String text = requiredText(cell, label("batch-unit"));
        if (text == null) {
            return null;
        }
        return BatchUnit.fromSymbol(text).map(BatchUnit::symbol).orElseGet(() -> {
            report(cell, Text.of("entry.file.not-a-batch-unit", quote(text), "g", "kg", "mg", "mL", "L"));
            return null;
        });
    }

    BigDecimal batchAmount(FileCell cell) {
        Text label = label("batch-amount");
        BigDecimal amount = requiredNumber(cell, label);
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            return refuse(cell, Text.of("entry.file.batch-amount-zero", quote(cell.text())));
        }
        if (amount.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0) {
            return refuse(cell, Text.of("entry.file.too-large", label, quote(cell.text()),
                    FormulaVersion.MAX_BATCH_AMOUNT.toPlainString()));
        }
        return decimals(cell, label, amount, 6);
    }

    Integer lineNo(FileCell cell) {
        BigDecimal number = requiredNumber(cell, label("line-number"));
        if (number == null) {
            return null;
        }
        if (number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(new BigDecimal("999")) > 0
                || number.stripTrailingZeros().scale() > 0) {
            return refuse(cell, Text.of("entry.file.line-number", quote(cell.text())));
        }
        return number.intValue();
    }

    BigDecimal fraction(FileCell cell) {
        Text label = label("fraction");
        BigDecimal fraction = requiredNumber(cell, label);
        if (fraction == null) {
            return null;
        }
        if (fraction.signum() <= 0) {
            return refuse(cell, Text.of("entry.file.fraction-zero", quote(cell.text())));
        }
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            return refuse(cell, Text.of("entry.file.fraction-above-1", quote(cell.text())));
        }
        return decimals(cell, label, fraction, 10);
    }

    /** A percentage of the batch, answered as the fraction: exactly percent / 100. */
    BigDecimal percentAsFraction(FileCell cell) {
        BigDecimal percent = requiredNumber(cell, label("percent"));
        if (percent == null) {
            return null;
        }
        if (percent.signum() <= 0) {
            return refuse(cell, Text.of("entry.file.percent-zero", quote(cell.text())));
        }
        if (percent.compareTo(HUNDRED) > 0) {
            return refuse(cell, Text.of("entry.file.percent-above-100", quote(cell.text())));
        }
        if (percent.stripTrailingZeros().scale() > 8) {
            return refuse(cell, Text.of("entry.file.percent-decimals", quote(cell.text())));
        }
        return FormulaDocument.plain(percent.movePointLeft(2));
    }

    /**
     * A line's tolerance from its four cells (minus and plus, each in g or in %), each
     * side given in one unit at most; a problem for each cell at fault.
     */
    ToleranceOverride tolerance(FileCell minusGCell, FileCell plusGCell, FileCell minusPctCell, FileCell plusPctCell) {
        BigDecimal minusG = toleranceG(minusGCell, label("minus-tolerance-g"));
        BigDecimal plusG = toleranceG(plusGCell, label("plus-tolerance-g"));
        BigDecimal minusPct = tolerancePct(minusPctCell, label("minus-tolerance-percent"));
        BigDecimal plusPct = tolerancePct(plusPctCell, label("plus-tolerance-percent"));
        oneUnitPerSide(minusGCell, minusG, minusPctCell, minusPct, Text.of("entry.file.side.minus"));
        oneUnitPerSide(plusGCell, plusG, plusPctCell, plusPct, Text.of("entry.file.side.plus"));
        return new ToleranceOverride(minusG, plusG, minusPct, plusPct);
    }

    BigDecimal toleranceG(FileCell cell, Text label) {
        BigDecimal grams = optionalNumber(cell, label);
        if (grams == null) {
            return null;
        }
        if (grams.signum() < 0) {
            return refuse(cell, Text.of("entry.file.tolerance-negative", label, quote(cell.text()), "0.5"));
        }
        if (grams.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0) {
            return refuse(cell, Text.of("entry.file.too-large", label, quote(cell.text()),
                    FormulaVersion.MAX_BATCH_AMOUNT.toPlainString()));
        }
        return decimals(cell, label, grams, 6);
    }

    BigDecimal tolerancePct(FileCell cell, Text label) {
        BigDecimal percent = optionalNumber(cell, label);
        if (percent == null) {
            return null;
        }
        if (percent.signum() < 0) {
            return refuse(cell, Text.of("entry.file.tolerance-negative", label, quote(cell.text()), "2"));
        }
        if (percent.compareTo(HUNDRED) > 0) {
            return refuse(cell, Text.of("entry.file.tolerance-above-100", label, quote(cell.text())));
        }
        return decimals(cell, label, percent, 4);
    }

    /** Refuses one side of a tolerance given both in grams and in percent. */
    void oneUnitPerSide(FileCell grams, BigDecimal inGrams, FileCell percent, BigDecimal inPercent, Text side) {
        if (inGrams != null && inPercent != null) {
            report(percent, Text.of("entry.file.tolerance-both-units", side, grams.field(), percent.field()));
        }
    }

    /**
     * How a problem names a value of the file, such as
     * {@code entry.file.label.batch-amount} ("batch amount").
     */
    static Text label(String name) {
        return Text.of("entry.file.label." + name);
    }

    private String requiredText(FileCell cell, Text label) {
        if (cell.isBlank()) {
            report(cell, Text.of("entry.file.missing", label));
            return null;
        }
        if (!cell.textual()) {
            report(cell, Text.of("entry.file.not-quoted-text", label, quote(cell.text())));
            return null;
        }
        return cell.text();
    }

    private BigDecimal requiredNumber(FileCell cell, Text label) {
        if (cell.isBlank()) {
            report(cell, Text.of("entry.file.missing", label));
            return null;
        }
        return number(cell, label);
    }

    private BigDecimal optionalNumber(FileCell cell, Text label) {
        return cell.isBlank() ? null : number(cell, label);
    }

    private BigDecimal number(FileCell cell, Text label) {
        if (cell.number() != null) {
            return cell.number();
        }
        if (!cell.textual()) {
            return refuse(cell, Text.of("entry.file.not-a-json-number", label, quote(cell.text())));
        }
        String text = cell.text().strip();
        Decimals.Read read = Decimals.read(text);
        if (read.isNumber()) {
            return read.value();
        }
        return refuse(cell, switch (read.problem()) {
            case TOO_LONG -> Text.of("entry.file.number-too-long", label, quote(text));
            case EXPONENT -> Text.of("entry.file.number-exponent", label, quote(text), "0.01", "1e-2");
            case SEPARATORS -> Text.of("entry.file.number-separators", label, quote(text));
            default -> Text.of("entry.file.not-a-number", label, quote(text));
        });
    }

    private BigDecimal decimals(FileCell cell, Text label, BigDecimal number, int maxDecimals) {
        if (number.stripTrailingZeros().scale() > maxDecimals) {
            return refuse(cell, Text.of("entry.file.decimals", label, quote(cell.text()), maxDecimals));
        }
        return FormulaDocument.plain(number);
    }

    private <T> T refuse(FileCell cell, Text message) {
        report(cell, message);
        return null;
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
