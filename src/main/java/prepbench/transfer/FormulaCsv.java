package prepbench.transfer;

import static prepbench.entry.SpreadsheetCells.protect;
import static prepbench.entry.SpreadsheetCells.unprotect;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import prepbench.entry.Text;
import prepbench.formulas.ToleranceOverride;

/** The CSV layout of formula files, as {@link FormulaFiles} describes it. */
final class FormulaCsv {

    static final String FORMULA_CODE = "formula_code";
    static final String FORMULA_NAME = "formula_name";
    static final String BATCH_AMOUNT = "batch_amount";
    static final String BATCH_UNIT = "batch_unit";
    static final String LINE_NO = "line_no";
    static final String INGREDIENT_CODE = "ingredient_code";
    static final String FRACTION = "fraction";
    static final String PERCENT = "percent";
    static final String TOL_MINUS_G = "tol_minus_g";
    static final String TOL_PLUS_G = "tol_plus_g";
    static final String TOL_MINUS_PCT = "tol_minus_pct";
    static final String TOL_PLUS_PCT = "tol_plus_pct";

    /** The header a written file has, in this order. */
    static final List<String> HEADER = List.of(FORMULA_CODE, FORMULA_NAME, BATCH_AMOUNT, BATCH_UNIT, LINE_NO,
            INGREDIENT_CODE, FRACTION, TOL_MINUS_G, TOL_PLUS_G, TOL_MINUS_PCT, TOL_PLUS_PCT);

    private static final List<String> REQUIRED = List.of(FORMULA_CODE, FORMULA_NAME, BATCH_AMOUNT, BATCH_UNIT, LINE_NO,
            INGREDIENT_CODE);

    /**
     * RFC 4180: commas, double quotes, CRLF; blank lines are kept so that record numbers
     * are row numbers.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private FormulaCsv() {
    }

    static List<FormulaDocument> read(String text, FileValues values) {
        Map<String, FormulaDraft> drafts = new LinkedHashMap<>();
        Map<String, FormulaColumns> columns = new HashMap<>();
        Header header = null;
        boolean anyRow = false;
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            int row = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                }
                catch (RuntimeException unreadable) {
                    values.report(row + 1, "", Text.of("entry.file.csv.invalid-row"));
                    break;
                }
                row = (int) record.getRecordNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (header == null) {
                    header = Header.of(record, row, values);
                    if (header == null) {
                        return List.of();
                    }
                    continue;
                }
                anyRow = true;
                readRow(record, row, header, drafts, columns, values);
            }
        }
        catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        if (header == null && values.none()) {
            values.report(0, "", Text.of("entry.file.csv.only-empty-rows"));
        }
        else if (header != null && !anyRow && values.none()) {
            values.report(0, "", Text.of("entry.file.csv.no-lines"));
        }
        String fractionField = header != null && header.percent ? PERCENT : FRACTION;
        List<FormulaDocument> formulas = new ArrayList<>();
        drafts.forEach((code, draft) -> {
            FormulaColumns described = columns.get(code);
            draft.describe(described.name.value, described.batchAmount.value, described.batchUnit.value);
            draft.checkSum(values, fractionField);
            formulas.add(draft.asDocument());
        });
        return formulas;
    }

    private static void readRow(CSVRecord record, int row, Header header, Map<String, FormulaDraft> drafts,
            Map<String, FormulaColumns> columns, FileValues values) {
        FileCell codeCell = header.text(record, row, FORMULA_CODE);
        FileCell nameCell = header.text(record, row, FORMULA_NAME);
        FileCell amountCell = header.cell(record, row, BATCH_AMOUNT);
        FileCell unitCell = header.text(record, row, BATCH_UNIT);
        FileCell lineNoCell = header.cell(record, row, LINE_NO);
        FileCell ingredientCell = header.text(record, row, INGREDIENT_CODE);
        String code = values.formulaCode(codeCell);
        String name = values.formulaName(nameCell);
        BigDecimal batchAmount = values.batchAmount(amountCell);
        String batchUnit = values.batchUnit(unitCell);
        Integer lineNo = values.lineNo(lineNoCell);
        String ingredient = values.ingredientCode(ingredientCell);
        BigDecimal fraction = header.percent ? values.percentAsFraction(header.cell(record, row, PERCENT))
                : values.fraction(header.cell(record, row, FRACTION));
        ToleranceOverride tolerance = tolerance(record, row, header, values);
        header.refuseUnnamedValue(record, row, values);
        if (code == null) {
            return;
        }
        FormulaDraft draft = drafts.computeIfAbsent(code, c -> new FormulaDraft(c, row));
        FormulaColumns formula = columns.computeIfAbsent(code, c -> new FormulaColumns());
        formula.name.agree(name, nameCell, FileValues.label("formula-name"), Function.identity(), code, values);
        formula.batchAmount.agree(batchAmount, amountCell, FileValues.label("batch-amount"), BigDecimal::toPlainString,
                code, values);
        formula.batchUnit.agree(batchUnit, unitCell, FileValues.label("batch-unit"), Function.identity(), code, values);
        draft.addLine(values, Text.of("entry.file.row", row), lineNoCell, lineNo, ingredientCell, ingredient, fraction,
                tolerance);
    }

    private static ToleranceOverride tolerance(CSVRecord record, int row, Header header, FileValues values) {
        return values.tolerance(header.cell(record, row, TOL_MINUS_G), header.cell(record, row, TOL_PLUS_G),
                header.cell(record, row, TOL_MINUS_PCT), header.cell(record, row, TOL_PLUS_PCT));
    }

    static String write(List<FormulaDocument> formulas) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(HEADER);
            for (FormulaDocument formula : formulas) {
                for (FormulaDocument.Line line : formula.lines()) {
                    printer.printRecord(protect(formula.code()), protect(formula.name()), number(formula.batchAmount()),
                            protect(formula.batchUnit()), line.lineNo(), protect(line.ingredientCode()),
                            number(line.fraction()), number(line.tolMinusG()), number(line.tolPlusG()),
                            number(line.tolMinusPct()), number(line.tolPlusPct()));
                }
            }
        }
        catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return out.toString();
    }

    private static String number(BigDecimal number) {
        return number == null ? null : FormulaDocument.plain(number).toPlainString();
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** Which column holds what, from the first row of the file. */
    private static final class Header {

        private final Map<String, Integer> index;

        private final int width;

        private final boolean percent;

        private Header(Map<String, Integer> index, int width) {
            this.index = index;
            this.width = width;
            this.percent = index.containsKey(PERCENT);
        }

        /**
         * The header of the file, or null when it is not usable (the problems are
         * reported).
         */
        static Header of(CSVRecord record, int row, FileValues values) {
            List<String> known = new ArrayList<>(HEADER);
            known.add(PERCENT);
            Map<String, Integer> index = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            boolean usable = true;
            for (int i = 0; i < record.size(); i++) {
                String name = record.get(i).strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (!known.contains(name)) {
                    unknown.add(record.get(i).strip());
                }
                else if (index.putIfAbsent(name, i) != null) {
                    values.report(row, name, Text.of("entry.file.csv.column-twice", name));
                    usable = false;
                }
            }
            if (index.isEmpty()) {
                String first = record.get(0);
                values.report(row, "",
                        first.contains(";") || first.contains("\t")
                                ? Text.of("entry.file.csv.separator",
                                        Text.of(first.contains(";") ? "entry.file.csv.semicolons"
                                                : "entry.file.csv.tabs"),
                                        "Excel", "CSV UTF-8 (Comma delimited)")
                                : Text.of("entry.file.csv.no-header", row, String.join(",", HEADER)));
                return null;
            }
            for (String name : unknown) {
                values.report(row, name, Text.of("entry.file.csv.unknown-column", FileValues.quote(name),
                        String.join(", ", HEADER), PERCENT, FRACTION));
                usable = false;
            }
            for (String name : REQUIRED) {
                if (!index.containsKey(name)) {
                    values.report(row, name, Text.of("entry.file.csv.missing-column", name));
                    usable = false;
                }
            }
            if (index.containsKey(FRACTION) && index.containsKey(PERCENT)) {
                values.report(row, PERCENT, Text.of("entry.file.csv.fraction-and-percent", FRACTION, PERCENT));
                usable = false;
            }
            else if (!index.containsKey(FRACTION) && !index.containsKey(PERCENT)) {
                values.report(row, FRACTION, Text.of("entry.file.csv.no-fraction", FRACTION, PERCENT));
                usable = false;
            }
            return usable ? new Header(index, record.size()) : null;
        }

        /**
         * A cell as written; absent when the file has no such column or the row is short.
         */
        FileCell cell(CSVRecord record, int row, String column) {
            Integer i = index.get(column);
            return FileCell.text(row, column, i == null || i >= record.size() ? null : record.get(i));
        }

        /**
         * A text cell, stripped and without the quote that protects it from running as a
         * formula.
         */
        FileCell text(CSVRecord record, int row, String column) {
            String text = cell(record, row, column).text();
            return FileCell.text(row, column, text == null ? null : unprotect(text.strip()));
        }

        /**
         * Refuses a value in a column without a name, which is usually a comma that
         * needed quotes.
         */
        void refuseUnnamedValue(CSVRecord record, int row, FileValues values) {
            for (int i = 0; i < record.size(); i++) {
                if (!record.get(i).isBlank() && (i >= width || !index.containsValue(i))) {
                    values.report(row, "",
                            Text.of("entry.file.csv.unnamed-value", FileValues.quote(record.get(i)), i + 1));
                    return;
                }
            }
        }

    }

    /**
     * The columns every row of a formula repeats, as first given, to hold later rows to.
     */
    private static final class FormulaColumns {

        final Given<String> name = new Given<>();

        final Given<BigDecimal> batchAmount = new Given<>();

        final Given<String> batchUnit = new Given<>();

    }

    private static final class Given<T> {

        T value;

        int row;

        void agree(T later, FileCell cell, Text label, Function<T, String> shown, String code, FileValues values) {
            if (later == null) {
                return;
            }
            if (value == null) {
                value = later;
                row = cell.row();
            }
            else if (!Objects.equals(value, later)) {
                values.report(cell, Text.of("entry.file.csv.differs", label, FileValues.quote(shown.apply(later)),
                        FileValues.quote(shown.apply(value)), row, code));
            }
        }

    }

}
