package prepbench.entry;

/**
 * Digits as PrepBench reads them: a person, a keyboard or a scanner set to Arabic writes
 * Arabic-Indic digits (٠–٩) or Persian ones (۰–۹) and the Arabic decimal separator (٫);
 * they are read as 0–9 and the dot. The Arabic thousands separator (٬) is read as a
 * comma, which every number reader refuses rather than guesses. Everything else stays as
 * it is. Weights are always shown in Western digits with the decimal point (lab
 * practice).
 */
public final class Digits {

    private static final char ARABIC_ZERO = '\u0660';

    private static final char PERSIAN_ZERO = '\u06F0';

    private static final char ARABIC_DECIMAL_SEPARATOR = '\u066B';

    private static final char ARABIC_THOUSANDS_SEPARATOR = '\u066C';

    private Digits() {
    }

    /**
     * The text with Arabic-Indic and Persian digits and separators in their Western form;
     * null stays null.
     */
    public static String western(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder western = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replaced = c >= ARABIC_ZERO && c <= ARABIC_ZERO + 9 ? (char) ('0' + c - ARABIC_ZERO)
                    : c >= PERSIAN_ZERO && c <= PERSIAN_ZERO + 9 ? (char) ('0' + c - PERSIAN_ZERO)
                            : c == ARABIC_DECIMAL_SEPARATOR ? '.' : c == ARABIC_THOUSANDS_SEPARATOR ? ',' : c;
            if (replaced != c && western == null) {
                western = new StringBuilder(text);
            }
            if (western != null) {
                western.setCharAt(i, replaced);
            }
        }
        return western == null ? text : western.toString();
    }

}
