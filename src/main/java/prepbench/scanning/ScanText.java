package prepbench.scanning;

import java.util.regex.Pattern;

/**
 * What every scanned text shares, whatever it is read as: the characters to drop and the
 * ones that cannot be read.
 */
final class ScanText {

    /**
     * Bidi and zero-width marks that scanners and copy-paste slip in; removed anywhere in
     * the text.
     */
    static final Pattern INVISIBLE_MARKS = Pattern
        .compile("[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]");

    /**
     * Control, format, surrogate, private-use and unassigned characters, line separators
     * and U+FFFD.
     */
    static final Pattern UNREADABLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Cn}\\p{Zl}\\p{Zp}\uFFFD]");

    private ScanText() {
    }

}
