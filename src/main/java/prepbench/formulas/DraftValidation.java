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
        String name = entries.text("name", "The name", entry.name(), 200);
        BigDecimal amount = batchAmount(entries, entry.batchAmount());
        BatchUnit unit = batchUnit(entries, entry.batchUnit());
        boolean percent = !"fraction".equalsIgnoreCase(entry.amountsAs() == null ? "" : entry.amountsAs().strip());
        if (entry.lines()
            .stream()
            .filter(line -> !DraftEntry.LineEntry.isBlank(line))
            .count() > FormulaManagement.MAX_LINES) {
            entries.problem("lines", "A formula has at most " + FormulaManagement.MAX_LINES + " lines.");
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
            entries.problem(field, line.ingredientCode() == null || line.ingredientCode().isBlank()
                    ? "Line " + lineNo + " needs an ingredient code."
                    : "Line " + lineNo + ": " + Entries.quoted(line.ingredientCode()) + " is not an ingredient code.");
            return null;
        }
        IngredientRef ingredient = known.get(code.get().value());
        if (ingredient == null) {
            entries.problem(field, "Line " + lineNo + ": there is no ingredient " + code.get() + ". Check the code, "
                    + "or add the ingredient on the Ingredients page first.");
            return null;
        }
        if (!ingredient.active()) {
            entries.problem(field, "Line " + lineNo + ": ingredient " + code.get() + " is inactive. Activate it or "
                    + "choose another ingredient.");
            return null;
        }
        Integer earlier = lineOf.putIfAbsent(ingredient.code(), lineNo);
        if (earlier != null) {
            entries.problem(field, "Line " + lineNo + ": " + code.get() + " is already on line " + earlier
                    + ". Give each ingredient once, with its whole amount.");
            return null;
        }
        return ingredient;
    }

    private static BigDecimal fraction(Entries entries, String field, String input, boolean percent) {
        String label = percent ? "The percentage" : "The fraction";
        if (input == null || input.isBlank()) {
            entries.problem(field, label + " is required.");
            return null;
        }
        BigDecimal amount = entries.decimal(field, label, input.strip().replaceFirst("\\s*%$", "")).orElse(null);
        if (amount == null) {
            return null;
        }
        if (amount.signum() == 0) {
            entries.problem(field,
                    label + " must be greater than zero; remove the line if the ingredient is not used.");
            return null;
        }
        BigDecimal fraction = percent ? amount.movePointLeft(2) : amount;
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            entries.problem(field,
                    label + " is at most " + (percent ? "100" : "1") + " (" + Entries.quoted(input) + ").");
            return null;
        }
        if (Entries.decimals(fraction) > 10) {
            entries.problem(field, label + " has at most " + (percent ? 8 : 10) + " decimal places.");
            return null;
        }
        return fraction;
    }

    private static ToleranceOverride tolerance(Entries entries, String field, DraftEntry.LineEntry line) {
        BigDecimal minus = entries.decimal(field, "The tolerance", line.toleranceMinus()).orElse(null);
        BigDecimal plus = entries.decimal(field, "The tolerance", line.tolerancePlus()).orElse(null);
        if (minus == null && plus == null) {
            return null;
        }
        minus = minus == null ? plus : minus;
        plus = plus == null ? minus : plus;
        String unit = line.toleranceUnit() == null ? "g" : line.toleranceUnit().strip().toLowerCase(Locale.ROOT);
        if (unit.equals("g")) {
            if (Entries.decimals(minus) > 6 || Entries.decimals(plus) > 6) {
                entries.problem(field, "A tolerance in grams has at most 6 decimal places.");
                return null;
            }
            return new ToleranceOverride(minus, plus, null, null);
        }
        if (unit.equals("%")) {
            if (minus.compareTo(HUNDRED) > 0 || plus.compareTo(HUNDRED) > 0 || Entries.decimals(minus) > 4
                    || Entries.decimals(plus) > 4) {
                entries.problem(field,
                        "A tolerance in percent of the target is at most 100, with at most 4 decimal " + "places.");
                return null;
            }
            return new ToleranceOverride(null, null, minus, plus);
        }
        entries.problem(field, "The tolerance unit is g or %.");
        return null;
    }

    static BigDecimal batchAmount(Entries entries, String input) {
        if (input == null || input.isBlank()) {
            entries.problem("batchAmount", "The default batch amount is required.");
            return null;
        }
        BigDecimal amount = entries.decimal("batchAmount", "The default batch amount", input).orElse(null);
        if (amount != null && (amount.signum() == 0 || amount.compareTo(FormulaVersion.MAX_BATCH_AMOUNT) > 0
                || Entries.decimals(amount) > 6)) {
            entries.problem("batchAmount", "The default batch amount must be greater than zero and at most "
                    + "1,000,000,000, with at most 6 decimal places.");
            return null;
        }
        return amount;
    }

    static BatchUnit batchUnit(Entries entries, String input) {
        Optional<BatchUnit> unit = BatchUnit.fromSymbol(input);
        if (unit.isEmpty()) {
            entries.problem("batchUnit", "The batch unit is g, kg, mg, mL or L.");
        }
        return unit.orElse(null);
    }

    /** The version's content as the audit trail records it. */

}
