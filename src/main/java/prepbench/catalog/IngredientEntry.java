package prepbench.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import prepbench.entry.Entries;
import prepbench.entry.Text;

/**
 * An ingredient as a lab lead enters it, field by field as typed. {@link #validate()}
 * checks every field and reports all problems at once.
 *
 * @param alternativeCodeValues other code values found on its containers, one per entry
 * @param allowedSymbologies AIM symbology identifiers separated by commas (such as
 * {@code Q1, C1}); empty for any
 * @param lotRequired whether a weighing of it needs the lot and expiry on record (asked
 * for when its label has none); null (left out) is no
 * @param revision the revision the lab lead edited, null when creating
 */
public record IngredientEntry(String code, String name, String casNumber, String primaryCodeValue,
        List<String> alternativeCodeValues, String allowedSymbologies, String parser, String density, boolean active,
        Boolean lotRequired, Integer revision) {

    static final int MAX_CODE_VALUE = 128;
    static final int MAX_ALTERNATIVES = 20;

    private static final BigDecimal MAX_DENSITY = new BigDecimal("25");

    /**
     * What barcodes carry: printable ASCII without spaces (so upper-casing never changes
     * a value's length).
     */
    static final Pattern CODE_VALUE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private static final int MAX_SYMBOLOGIES_LENGTH = 64;

    private static final Pattern SYMBOLOGY = Pattern.compile("]?([A-Za-z][A-Za-z0-9]?)");

    /**
     * The label parsers of the scanning module's identity gate (the database checks the
     * same list).
     */
    private static final Set<String> PARSERS = Set.of("plain", "gs1", "kv");

    private static final Pattern GTIN = Pattern.compile("\\d{14}");

    public IngredientEntry {
        alternativeCodeValues = alternativeCodeValues == null ? List.of()
                : alternativeCodeValues.stream().filter(value -> value != null && !value.isBlank()).toList();
    }

    /** The entry's values, checked and in canonical form. */
    record Valid(IngredientCode code, String name, CasNumber casNumber, String primaryCodeValue,
            List<String> alternativeCodeValues, String allowedSymbologies, String parser, BigDecimal density,
            boolean active, boolean lotRequired) {
    }

    /**
     * @throws InvalidEntry naming every field that is wrong
     */
    Valid validate() {
        Entries entries = new Entries();
        IngredientCode validCode = IngredientCode.tryParse(code).orElse(null);
        if (validCode == null) {
            entries.problem("code", code == null || code.isBlank() ? Text.of("entry.ingredient.code-required")
                    : Text.of("entry.ingredient.code-invalid", Entries.quoted(code)));
        }
        String validName = entries.text("name", Text.of("entry.label.name"), name, 200);
        CasNumber cas = null;
        if (casNumber != null && !casNumber.isBlank()) {
            cas = CasNumber.tryParse(casNumber).orElse(null);
            if (cas == null) {
                entries.problem("casNumber",
                        CasNumber.looksLikeOne(casNumber)
                                ? Text.of("entry.ingredient.cas-check-digit", Entries.quoted(casNumber))
                                : Text.of("entry.ingredient.cas-form"));
            }
        }
        String validParser = parser == null || parser.isBlank() ? "plain" : parser.strip().toLowerCase(Locale.ROOT);
        if (!PARSERS.contains(validParser)) {
            entries.problem("parser", Text.of("entry.ingredient.parser", "plain", "gs1", "kv"));
        }
        String primary = codeValue(entries, "primaryCodeValue", Text.of("entry.label.primary-code-value"),
                primaryCodeValue);
        if (primary != null && validParser.equals("gs1") && !GTIN.matcher(primary).matches()) {
            entries.problem("primaryCodeValue", Text.of("entry.ingredient.gtin", "gs1", "GTIN", "AI 01"));
        }
        Set<String> alternatives = new LinkedHashSet<>();
        if (alternativeCodeValues.size() > MAX_ALTERNATIVES) {
            entries.problem("alternativeCodeValues",
                    Text.of("entry.ingredient.too-many-alternatives", MAX_ALTERNATIVES));
        }
        for (String alternative : alternativeCodeValues) {
            String value = codeValue(entries, "alternativeCodeValues", Text.of("entry.label.alternative-code-value"),
                    alternative);
            if (value != null && (value.equals(primary) || !alternatives.add(value))) {
                entries.problem("alternativeCodeValues",
                        Text.of("entry.ingredient.listed-twice", Entries.quoted(value)));
            }
        }
        String symbologies = symbologies(entries);
        BigDecimal validDensity = entries.decimal("density", Text.of("entry.label.density"), density).orElse(null);
        if (validDensity != null) {
            if (validDensity.signum() == 0) {
                entries.problem("density", Text.of("entry.ingredient.density-zero"));
            }
            else if (validDensity.compareTo(MAX_DENSITY) > 0 || Entries.decimals(validDensity) > 6) {
                entries.problem("density", Text.of("entry.ingredient.density-range"));
            }
        }
        entries.throwIfAny();
        return new Valid(validCode, validName, cas, primary, List.copyOf(alternatives), symbologies, validParser,
                validDensity, active, Boolean.TRUE.equals(lotRequired));
    }

    private static String codeValue(Entries entries, String field, Text label, String input) {
        String typed = input == null ? "" : input.strip();
        String value = typed.toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            entries.problem(field, Text.of("entry.ingredient.code-value-required", label));
            return null;
        }
        if (!CODE_VALUE.matcher(typed).matches()) {
            entries.problem(field,
                    Text.of("entry.ingredient.code-value-invalid", label, Entries.quoted(typed), MAX_CODE_VALUE));
            return null;
        }
        return value;
    }

    private String symbologies(Entries entries) {
        if (allowedSymbologies == null || allowedSymbologies.isBlank()) {
            return "";
        }
        List<String> identifiers = new ArrayList<>();
        for (String part : allowedSymbologies.split(",")) {
            var matcher = SYMBOLOGY.matcher(part.strip());
            if (!matcher.matches()) {
                entries.problem("allowedSymbologies", Text.of("entry.ingredient.symbology",
                        Entries.quoted(part.strip()), "AIM", "Q1 (QR Code), d2 (Data Matrix), C1 (Code 128)"));
                return null;
            }
            if (!identifiers.contains(matcher.group(1))) {
                identifiers.add(matcher.group(1));
            }
        }
        String joined = String.join(",", identifiers);
        if (joined.length() > MAX_SYMBOLOGIES_LENGTH) {
            entries.problem("allowedSymbologies",
                    Text.of("entry.ingredient.symbologies-too-long", MAX_SYMBOLOGIES_LENGTH));
            return null;
        }
        return joined;
    }
}
