package prepbench.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import prepbench.entry.Entries;

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
            entries.problem("code",
                    code == null || code.isBlank() ? "The ingredient code is required."
                            : "The ingredient code " + Entries.quoted(code)
                                    + " may have only letters, digits, '-', '_' "
                                    + "and '.', at most 32, starting with a letter or digit.");
        }
        String validName = entries.text("name", "The name", name, 200);
        CasNumber cas = null;
        if (casNumber != null && !casNumber.isBlank()) {
            cas = CasNumber.tryParse(casNumber).orElse(null);
            if (cas == null) {
                entries.problem("casNumber",
                        CasNumber.looksLikeOne(casNumber)
                                ? "The CAS number " + Entries.quoted(casNumber) + " has a wrong check digit: check it "
                                        + "against the supplier's safety data sheet."
                                : "A CAS number looks like 64-17-5 (2 to 7 digits, 2 digits, 1 check digit); leave it "
                                        + "empty when there is none.");
            }
        }
        String validParser = parser == null || parser.isBlank() ? "plain" : parser.strip().toLowerCase(Locale.ROOT);
        if (!PARSERS.contains(validParser)) {
            entries.problem("parser", "The label parser is plain, gs1 or kv.");
        }
        String primary = codeValue(entries, "primaryCodeValue", "The primary code value", primaryCodeValue);
        if (primary != null && validParser.equals("gs1") && !GTIN.matcher(primary).matches()) {
            entries.problem("primaryCodeValue",
                    "With the gs1 parser the primary code value is the 14-digit GTIN " + "of the containers (AI 01).");
        }
        Set<String> alternatives = new LinkedHashSet<>();
        if (alternativeCodeValues.size() > MAX_ALTERNATIVES) {
            entries.problem("alternativeCodeValues", "At most " + MAX_ALTERNATIVES + " alternative code values.");
        }
        for (String alternative : alternativeCodeValues) {
            String value = codeValue(entries, "alternativeCodeValues", "An alternative code value", alternative);
            if (value != null && (value.equals(primary) || !alternatives.add(value))) {
                entries.problem("alternativeCodeValues",
                        Entries.quoted(value) + " is listed twice; give each code " + "value once.");
            }
        }
        String symbologies = symbologies(entries);
        BigDecimal validDensity = entries.decimal("density", "The density", density).orElse(null);
        if (validDensity != null) {
            if (validDensity.signum() == 0) {
                entries.problem("density", "The density must be greater than zero; leave it empty when unknown.");
            }
            else if (validDensity.compareTo(MAX_DENSITY) > 0 || Entries.decimals(validDensity) > 6) {
                entries.problem("density", "The density is in g/mL, at most 25 with at most 6 decimal places.");
            }
        }
        entries.throwIfAny();
        return new Valid(validCode, validName, cas, primary, List.copyOf(alternatives), symbologies, validParser,
                validDensity, active, Boolean.TRUE.equals(lotRequired));
    }

    private static String codeValue(Entries entries, String field, String label, String input) {
        String typed = input == null ? "" : input.strip();
        String value = typed.toUpperCase(Locale.ROOT);
        if (value.isEmpty()) {
            entries.problem(field, label + " is required: the code printed on the ingredient's containers.");
            return null;
        }
        if (!CODE_VALUE.matcher(typed).matches()) {
            entries.problem(field, label + " " + Entries.quoted(typed) + " must be 1 to " + MAX_CODE_VALUE
                    + " letters, digits or ASCII punctuation, without spaces: what a barcode carries.");
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
                entries.problem("allowedSymbologies",
                        Entries.quoted(part.strip()) + " is not an AIM symbology "
                                + "identifier. Give identifiers such as Q1 (QR Code), d2 (Data Matrix), C1 (Code 128), "
                                + "separated by commas.");
                return null;
            }
            if (!identifiers.contains(matcher.group(1))) {
                identifiers.add(matcher.group(1));
            }
        }
        String joined = String.join(",", identifiers);
        if (joined.length() > MAX_SYMBOLOGIES_LENGTH) {
            entries.problem("allowedSymbologies", "At most " + MAX_SYMBOLOGIES_LENGTH + " characters of symbology "
                    + "identifiers; list only the ones the containers carry.");
            return null;
        }
        return joined;
    }
}
