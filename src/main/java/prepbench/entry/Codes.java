package prepbench.entry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax formula and ingredient codes share: 1 to 32 letters, digits, '-', '_' or
 * '.', canonically upper case.
 */
public final class Codes {

    private static final Pattern SYNTAX = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    private Codes() {
    }

    public static boolean isCanonical(String value) {
        return value != null && SYNTAX.matcher(value).matches();
    }

    /** The input trimmed and upper-cased, when that is a code. */
    public static Optional<String> canonical(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String candidate = input.strip().toUpperCase(Locale.ROOT);
        return isCanonical(candidate) ? Optional.of(candidate) : Optional.empty();
    }

}
