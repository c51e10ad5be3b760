package prepbench.scanning;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import prepbench.entry.Digits;
import prepbench.entry.Text;
import prepbench.formulas.FormulaCode;
import prepbench.scanning.ScanResult.FormulaScan;
import prepbench.scanning.ScanResult.PreparationScan;
import prepbench.scanning.ScanResult.SampleScan;
import prepbench.scanning.ScanResult.Unrecognised;

/**
 * Decodes what a keyboard-wedge scanner or a person typed into a scan box. Accepted,
 * after {@linkplain #normalise(String) normalisation}:
 * <ul>
 * <li>links ({@code http}, {@code https} or a path starting with {@code /}) ending in
 * {@code /f/CODE}, {@code /formulas/CODE}, {@code /formula-first?code=CODE},
 * {@code /p/ID}, {@code /preparations/ID} (with an optional {@code ?f=CODE} fallback
 * formula) or {@code /s/CODE};</li>
 * <li>the prefixes {@code F:}, {@code FORMULA:}, {@code FORMULA-CODE-}, {@code P:},
 * {@code PREP:}, {@code S:} and {@code SAMPLE:}, in any case;</li>
 * <li>key-value pairs {@code F=CODE;S=…;N=…} (also separated by {@code ,}), or
 * {@code P=ID};</li>
 * <li>a bare preparation id (a UUID) or a bare formula code.</li>
 * </ul>
 * Anything else is {@link Unrecognised}; {@link #decode(String)} never throws.
 */
public final class ScanDecoder {

    /** Longer normalised input is refused without being decoded. */
    public static final int MAX_INPUT_LENGTH = 512;

    private static final int MAX_ECHO_LENGTH = 80;

    static final Text NOTHING_SCANNED = Text.of("refused.scan.nothing");
    static final Text TOO_LONG = Text.of("refused.scan.too-long", MAX_INPUT_LENGTH);
    static final Text NOT_READABLE = Text.of("refused.scan.not-readable");
    static final Text UNRECOGNISED = Text.of("refused.scan.unrecognised");
    static final Text MISSING_FORMULA = Text.of("refused.scan.missing-formula");
    static final Text INVALID_FORMULA = Text.of("refused.scan.invalid-formula", FormulaCode.MAX_LENGTH);
    static final Text INVALID_PREPARATION = Text.of("refused.scan.invalid-preparation");
    static final Text INVALID_SAMPLE = Text.of("refused.scan.invalid-sample");
    static final Text DAMAGED_KEY_VALUES = Text.of("refused.scan.damaged-key-values", "KEY=VALUE");
    static final Text NO_FORMULA = Text.of("refused.scan.no-formula", "F=…");
    static final Text UNKNOWN_LINK = Text.of("refused.scan.unknown-link");

    private static final Pattern AIM_SYMBOLOGY_IDENTIFIER = Pattern.compile("][A-Za-z][A-Za-z0-9]");

    private static final Pattern LINK = Pattern
        .compile("(?i)(?:https?://[^/?#]*|(?=/))(?<path>[^?#]*)(?:\\?(?<query>[^#]*))?(?:#.*)?");

    private static final Pattern PREFIXED = Pattern.compile("(?i)(?:(?<formula>FORMULA-CODE-|(?:FORMULA|F)\\s*:)"
            + "|(?<preparation>(?:PREP|P)\\s*:)|(?:SAMPLE|S)\\s*:)\\s*(?<value>.*)");

    private static final Pattern KEY_VALUE = Pattern.compile("(?<key>[A-Za-z][A-Za-z0-9_]*)\\s*=\\s*(?<value>.*)");

    private static final Pattern UUID_SYNTAX = Pattern
        .compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private static final Pattern SAMPLE_CODE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private ScanDecoder() {
    }

    /**
     * Decodes a scan; answers {@link Unrecognised} for anything that is not a known code,
     * including null.
     */
    public static ScanResult decode(String raw) {
        String input = normalise(raw);
        if (input.isEmpty()) {
            return unrecognised(input, NOTHING_SCANNED);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            return unrecognised(input, TOO_LONG);
        }
        if (ScanText.UNREADABLE.matcher(input).find()) {
            return unrecognised(input, NOT_READABLE);
        }
        Matcher link = LINK.matcher(input);
        if (link.matches()) {
            return decodeLink(input, link.group("path"), link.group("query"));
        }
        Matcher prefixed = PREFIXED.matcher(input);
        if (prefixed.matches()) {
            String value = prefixed.group("value");
            if (prefixed.group("formula") != null) {
                return formula(input, value, Map.of());
            }
            return prefixed.group("preparation") != null ? preparation(input, value, Optional.empty())
                    : sample(input, value);
        }
        if (KEY_VALUE.matcher(input).matches()) {
            return decodeKeyValues(input);
        }
        if (UUID_SYNTAX.matcher(input).matches()) {
            return new PreparationScan(UUID.fromString(input), Optional.empty());
        }
        return FormulaCode.tryParse(input)
            .<ScanResult>map(code -> new FormulaScan(code, Map.of()))
            .orElseGet(() -> unrecognised(input, UNRECOGNISED));
    }

    /**
     * NFKC; removes bidi and zero-width marks; maps the Arabic semicolon and comma;
     * strips surrounding whitespace and control characters and a leading AIM symbology
     * identifier such as {@code ]Q1}.
     */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String text = ScanText.INVISIBLE_MARKS.matcher(Digits.western(Normalizer.normalize(raw, Normalizer.Form.NFKC)))
            .replaceAll("")
            .replace('\u061B', ';')
            .replace('\u060C', ',');
        text = stripPadding(text);
        Matcher identifier = AIM_SYMBOLOGY_IDENTIFIER.matcher(text);
        return identifier.lookingAt() ? stripPadding(text.substring(identifier.end())) : text;
    }

    private static String stripPadding(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPadding(text.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }

    private static ScanResult decodeLink(String input, String path, String query) {
        List<String> segments = Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
        int count = segments.size();
        String kind = count >= 2 ? segments.get(count - 2).toLowerCase(Locale.ROOT) : "";
        String value = count >= 1 ? percentDecoded(segments.get(count - 1), false) : "";
        return switch (kind) {
            case "f", "formulas" -> formula(input, value, Map.of());
            case "p", "preparations" ->
                preparation(input, value, queryParameter(query, "f").flatMap(FormulaCode::tryParse));
            case "s" -> sample(input, value);
            default -> value.equalsIgnoreCase("formula-first")
                    ? formula(input, queryParameter(query, "code").orElse(""), Map.of())
                    : unrecognised(input, UNKNOWN_LINK);
        };
    }

    private static Optional<String> queryParameter(String query, String name) {
        return query == null ? Optional.empty()
                : Arrays.stream(query.split("&"))
                    .map(parameter -> parameter.split("=", 2))
                    .filter(parameter -> parameter.length == 2 && parameter[0].equalsIgnoreCase(name))
                    .findFirst()
                    .map(parameter -> percentDecoded(parameter[1], true));
    }

    /**
     * Malformed escapes stay as they are; the '%' then fails the syntax of whatever the
     * value should be.
     */
    private static String percentDecoded(String text, boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), UTF_8);
        }
        catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /**
     * Splits on ';', or on ',' when there is no ';' (so that a value may contain commas).
     */
    private static ScanResult decodeKeyValues(String input) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : input.split(input.indexOf(';') >= 0 ? ";" : ",")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher pair = KEY_VALUE.matcher(part.strip());
            if (!pair.matches()
                    || pairs.putIfAbsent(pair.group("key").toUpperCase(Locale.ROOT), pair.group("value")) != null) {
                return unrecognised(input, DAMAGED_KEY_VALUES);
            }
        }
        String formula = pairs.remove("F");
        if (formula != null) {
            return formula(input, formula, pairs);
        }
        String preparation = pairs.get("P");
        return preparation != null ? preparation(input, preparation, Optional.empty())
                : unrecognised(input, NO_FORMULA);
    }

    private static ScanResult formula(String input, String code, Map<String, String> attributes) {
        if (code.isBlank()) {
            return unrecognised(input, MISSING_FORMULA);
        }
        return FormulaCode.tryParse(code)
            .<ScanResult>map(formula -> new FormulaScan(formula, attributes))
            .orElseGet(() -> unrecognised(input, INVALID_FORMULA));
    }

    private static ScanResult preparation(String input, String id, Optional<FormulaCode> fallbackFormula) {
        String candidate = id.strip();
        return UUID_SYNTAX.matcher(candidate).matches()
                ? new PreparationScan(UUID.fromString(candidate), fallbackFormula)
                : unrecognised(input, INVALID_PREPARATION);
    }

    private static ScanResult sample(String input, String code) {
        return SAMPLE_CODE.matcher(code).matches() ? new SampleScan(code) : unrecognised(input, INVALID_SAMPLE);
    }

    private static Unrecognised unrecognised(String input, Text reason) {
        String echo = input;
        if (input.length() > MAX_ECHO_LENGTH) {
            boolean splitsPair = Character.isHighSurrogate(input.charAt(MAX_ECHO_LENGTH - 1));
            echo = input.substring(0, splitsPair ? MAX_ECHO_LENGTH - 1 : MAX_ECHO_LENGTH) + "…";
        }
        return new Unrecognised(ScanText.UNREADABLE.matcher(echo).replaceAll("\uFFFD"), reason);
    }

}
