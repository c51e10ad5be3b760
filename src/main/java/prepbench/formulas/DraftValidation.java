package prepbench.formulas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import prepbench.catalog.IngredientCode;
import prepbench.catalog.IngredientRef;
import prepbench.entry.Entries;
import prepbench.entry.Text;

/**
 * What a lab lead typed for a draft, checked field by field before anything is written:
 * the name, the default batch, and every line's ingredient, amount (percent or fraction)
 * and tolerance. Every problem is reported at once, named by its field
 * ({@code lines[3].amount}).
 */
final class DraftValidation {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private DraftValidation() {
    }

    record ValidDraft(String name, BigDecimal batchAmount, BatchUnit batchUnit, List<FormulaVersions.NewLine> lines) {
    }

    /** Checks every field of the draft; all problems at once. */
    static ValidDraft validate(DraftEntry entry, Function<List<String>, Map<String, IngredientRef>> ingredients) {
        Entries entries = new Entries();
        String name = entries.text("name", Text.of("entry.label.name"), entry.name(), 200);
        BigDecimal amount = batchAmount(entries, entry.batchAmount());
        BatchUnit unit = batchUnit(entries, entry.batchUnit());
        boolean percent = !"fraction".equalsIgnoreCase(entry.amountsAs() == null ? "" : entry.amountsAs().strip());
        if (entry.lines()
            .stream()
            .filter(line -> !DraftEntry.LineEntry.isBlank(line))
            .count() > FormulaManagement.MAX_LINES) {
            entries.problem("lines", Text.of("entry.formula.too-many-lines", FormulaManagement.MAX_LINES));
            entries.throwIfAny();
        }
        List<String> codes = entry.lines()
            .stream()
            .filter(line -> !DraftEntry.LineEntry.isBlank(line))
            .map(line -> IngredientCode.tryParse(line.ingredientCode()))
            .flatMap(Optional::stream)
            .map(IngredientCode::value)
            .distinct()
            .toList();
        Map<String, IngredientRef> known = ingredients.apply(codes);
        List<FormulaVersions.NewLine> lines = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < entry.lines().size(); i++) {
            DraftEntry.LineEntry line = entry.lines().get(i);
            if (DraftEntry.LineEntry.isBlank(line)) {
                continue;
            }
            String field = "lines[" + i + "].";
            int lineNo = lines.size() + 1;
            IngredientRef ingredient = ingredient(entries, field + "ingredientCode", line, known, lineOf, lineNo);
            BigDecimal fraction = fraction(entries, field + "amount", line.amount(), percent);
            ToleranceOverride tolerance = tolerance(entries, field + "tolerance", line);
            if (ingredient != null && fraction != null) {
                lines.add(new FormulaVersions.NewLine(lineNo, ingredient.id(), fraction, tolerance));
            }
            else {
                lines.add(null);
            }
        }
        entries.throwIfAny();
        return new ValidDraft(name, amount, unit, lines);
    }

    private static IngredientRef ingredient(Entries entries, String field, DraftEntry.LineEntry line,
            Map<String, IngredientRef> known, Map<String, Integer> lineOf, int lineNo) {
        Optional<IngredientCode> code = IngredientCode.tryParse(line.ingredientCode());
        if (code.isEmpty()) {
            entries.problem(field,
                    line.ingredientCode() == null || line.ingredientCode().isBlank()
                            ? Text.of("entry.formula.line.code-required", lineNo)
                            : Text.of("entry.formula.line.not-a-code", lineNo, Entries.quoted(line.ingredientCode())));
            return null;
        }
        IngredientRef ingredient = known.get(code.get().value());
        if (ingredient == null) {
            entries.problem(field, Text.of("entry.formula.line.no-ingredient", lineNo, code.get()));
            return null;
        }
        if (!ingredient.active()) {
            entries.problem(field, Text.of("entry.formula.line.inactive", lineNo, code.get()));
            return null;
        }
        Integer earlier = lineOf.putIfAbsent(ingredient.code(), lineNo);
        if (earlier != null) {
            entries.problem(field, Text.of("entry.formula.line.twice", lineNo, code.get(), earlier));
            return null;
        }
        return ingredient;
    }

    private static BigDecimal fraction(Entries entries, String field, String input, boolean percent) {
        Text label = Text.of(percent ? "entry.label.percentage" : "entry.label.fraction");
        if (input == null || input.isBlank()) {
            entries.problem(field, Text.of("entry.required", label));
            return null;
        }
        BigDecimal amount = entries.decimal(field, label, input.strip().replaceFirst("\\s*%$", "")).orElse(null);
        if (amount == null) {
            return null;
        }
        if (amount.signum() == 0) {
            entries.problem(field, Text.of("entry.formula.line.amount-zero", label));
            return null;
        }
        BigDecimal fraction = percent ? amount.movePointLeft(2) : amount;
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            entries.problem(field, Text.of("entry.formula.line.amount-too-large", label, percent ? "100" : "1",
                    Entries.quoted(input)));
            return null;
        }
        if (Entries.decimals(fraction) > 10) {
            entries.problem(field, Text.of("entry.formula.line.amount-decimals", label, percent ? 8 : 10));
            return null;
        }
        return fraction;
    }

    private static ToleranceOverride tolerance(Entries entries, String field, DraftEntry.LineEntry line) {
        Text label = Text.of("entry.label.tolerance");
        BigDecimal minus = entries.decimal(field, label, line.toleranceMinus()).orElse(null);
        BigDecimal plus = entries.decimal(field, label, line.tolerancePlus()).orElse(null);
        if (minus == null && plus == null) {
            return null;
        }
        minus = minus == null ? plus : minus;
        plus = plus == null ? minus : plus;
        String unit = line.toleranceUnit() == null ? "g" : line.toleranceUnit().strip().toLowerCase(Locale.ROOT);
        if (unit.equals("g")) {
            if (Entries.decimals(minus) > 6 || Entries.decimals(plus) > 6) {
                entries.problem(field, Text.of("entry.formula.line.tolerance-grams"));
                return null;
            }
            return new ToleranceOverride(minus, plus, null, null);
        }
        if (unit.equals("%")) {
            if (minus.compareTo(HUNDRED) > 0 || plus.compareTo(HUNDRED) > 0 || Entries.decimals(minus) > 4
                    || Entries.decimals(plus) > 4) {
                entries.problem(field, Text.of("entry.formula.line.tolerance-percent"));
                return null;
            }
            return new ToleranceOverride(null, null, minus, plus);
        }
        entries.problem(field, Text.of("entry.formula.line.tolerance-unit", "g", "%"));
        return null;
    }

    static BigDecimal batchAmount(Entries entries, String input) {
        Text label = Text.of("entry.label.batch-amount");
        if (input == null || input.isBlank()) {
            entries.problem("batchAmount", Text.of("entry.required", label));
            return null;
        }
        BigDecimal amount = entries.decimal("batchAmount", label, input).orElse(null);
        if (amount != null && (amount.signum() == 0 || amount.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0
                || Entries.decimals(amount) > 6)) {
            entries.problem("batchAmount", Text.of("entry.formula.batch-amount-range"));
            return null;
        }
        return amount;
    }

    static BatchUnit batchUnit(Entries entries, String input) {
        Optional<BatchUnit> unit = BatchUnit.fromSymbol(input);
        if (unit.isEmpty()) {
            entries.problem("batchUnit", Text.of("entry.formula.batch-unit", "g", "kg", "mg", "mL", "L"));
        }
        return unit.orElse(null);
    }

    /** The version's content as the audit trail records it. */

}
