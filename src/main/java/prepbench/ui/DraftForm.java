package prepbench.ui;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

import prepbench.formulas.DraftEntry;
import prepbench.formulas.FormulaVersion;
import prepbench.formulas.ToleranceOverride;

/**
 * The draft editor's form: the header and one row of fields per line. Rows are read from
 * the repeated request parameters in order (not bound by Spring, whose conversion would
 * split a "12,5" typed by mistake into two rows).
 */
public record DraftForm(String name, String batchAmount, String batchUnit, String amountsAs, List<Row> rows,
        Integer revision) {

    static final int BLANK_ROWS = 8;

    /** One line as typed. */
    public record Row(String ingredientCode, String amount, String toleranceMinus, String tolerancePlus,
            String toleranceUnit) {
    }

    static DraftForm of(FormulaVersion draft) {
        List<Row> rows = new ArrayList<>();
        for (FormulaVersion.Line line : draft.lines()) {
            ToleranceOverride tolerance = line.tolerance();
            boolean percent = tolerance != null && (tolerance.minusPct() != null || tolerance.plusPct() != null);
            rows.add(new Row(line.ingredientCode(), Format.amount(line.percent()),
                    tolerance == null ? "" : side(percent ? tolerance.minusPct() : tolerance.minusG()),
                    tolerance == null ? "" : side(percent ? tolerance.plusPct() : tolerance.plusG()),
                    percent ? "%" : "g"));
        }
        return new DraftForm(draft.name(), Format.amount(draft.batchAmount()), draft.batchUnit().symbol(), "%", rows,
                draft.revision())
            .withBlankRows(BLANK_ROWS);
    }

    private static String side(java.math.BigDecimal value) {
        return value == null ? "" : Format.amount(value);
    }

    static DraftForm of(MultiValueMap<String, String> params) {
        List<String> codes = values(params, "ingredientCode");
        List<String> amounts = values(params, "amount");
        List<String> minus = values(params, "toleranceMinus");
        List<String> plus = values(params, "tolerancePlus");
        List<String> units = values(params, "toleranceUnit");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            rows.add(new Row(codes.get(i), at(amounts, i), at(minus, i), at(plus, i), at(units, i)));
        }
        Integer revision;
        try {
            revision = Integer.valueOf(params.getFirst("revision"));
        }
        catch (NumberFormatException missing) {
            revision = null;
        }
        return new DraftForm(params.getFirst("name"), params.getFirst("batchAmount"), params.getFirst("batchUnit"),
                params.getFirst("amountsAs"), rows, revision);
    }

    private static List<String> values(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    DraftForm withBlankRows(int count) {
        List<Row> more = new ArrayList<>(rows);
        for (int i = 0; i < count; i++) {
            more.add(new Row("", "", "", "", "g"));
        }
        return new DraftForm(name, batchAmount, batchUnit, amountsAs, more, revision);
    }

    DraftEntry entry() {
        return new DraftEntry(name, batchAmount, batchUnit, amountsAs,
                rows.stream()
                    .map(row -> new DraftEntry.LineEntry(row.ingredientCode(), row.amount(), row.toleranceMinus(),
                            row.tolerancePlus(), row.toleranceUnit()))
                    .toList(),
                revision);
    }

    public boolean inPercent() {
        return !"fraction".equals(amountsAs);
    }

    public String text(String value) {
        return value == null ? "" : value;
    }
}
