package prepbench.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CAS Registry Number such as {@code 64-17-5}: two to seven digits, two digits, and a
 * check digit that is the sum of the other digits, each multiplied by its position
 * counted from the right, modulo 10.
 */
public record CasNumber(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[1-9]\\d{1,6}-\\d{2}-\\d");

    public CasNumber {
        if (value == null || !SYNTAX.matcher(value).matches() || !checkDigitHolds(value)) {
            throw new IllegalArgumentException("Not a valid CAS number: " + value);
        }
    }

    /**
     * The CAS number in the input, trimmed; empty when it is malformed or its check digit
     * is wrong.
     */
    public static Optional<CasNumber> tryParse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String candidate = input.strip();
        return SYNTAX.matcher(candidate).matches() && checkDigitHolds(candidate) ? Optional.of(new CasNumber(candidate))
                : Optional.empty();
    }

    /** Whether the input has a CAS number's shape (so a failure is the check digit's). */
    static boolean looksLikeOne(String input) {
        return input != null && SYNTAX.matcher(input.strip()).matches();
    }

    private static boolean checkDigitHolds(String cas) {
        String digits = cas.replace("-", "");
        int check = digits.charAt(digits.length() - 1) - '0';
        int sum = 0;
        for (int i = digits.length() - 2, weight = 1; i >= 0; i--, weight++) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return sum % 10 == check;
    }

    @Override
    public String toString() {
        return value;
    }
}
