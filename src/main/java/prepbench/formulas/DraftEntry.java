package prepbench.formulas;

import java.util.List;

/**
 * A draft version as a lab lead saves it: default batch, name and lines, as typed. Lines
 * with every field blank are ignored, so a form can offer empty rows; problems name a
 * line by its index in {@code lines}.
 *
 * @param amountsAs how the lines' amounts are given: {@code %} (percent of the batch) or
 * {@code fraction}
 * @param revision the draft's revision the lab lead edited
 */
public record DraftEntry(String name, String batchAmount, String batchUnit, String amountsAs, List<LineEntry> lines,
        Integer revision) {

    public DraftEntry {
        lines = lines == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lines));
    }

    /**
     * One line as typed.
     *
     * @param toleranceUnit {@code g} (grams) or {@code %} (percent of the target); the
     * tolerance sides are optional, a blank plus side equals the minus side
     */
    public record LineEntry(String ingredientCode, String amount, String toleranceMinus, String tolerancePlus,
            String toleranceUnit) {

        static boolean isBlank(LineEntry line) {
            return line == null || line.isBlank();
        }

        boolean isBlank() {
            return blank(ingredientCode) && blank(amount) && blank(toleranceMinus) && blank(tolerancePlus);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
