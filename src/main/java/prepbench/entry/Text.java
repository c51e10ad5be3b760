package prepbench.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Words to show a person, not yet in a language: a key of PrepBench's message bundles
 * ({@code i18n/*.properties}, English, and {@code i18n/*_ar.properties}, Arabic) and the
 * values for its {@code {0}}, {@code {1}}… An argument that is itself a {@code Text} is
 * worded in the same language. Domain rules raise their refusals with a {@code Text} so
 * that each edge words them in the reader's language; {@link #english()} is what logs,
 * tests and the audit trail read.
 *
 * @param key the bundle key, e.g. {@code refused.no-vessel}
 * @param args the values, shown as they are (numbers are already written with Western
 * digits and the decimal point, as lab practice wants in both languages)
 */
public record Text(String key, List<Object> args) {

    public Text {
        Objects.requireNonNull(key);
        // a value may be null (a sentence then says "null", as String.valueOf would)
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** The words in this language (English where a bundle lacks the key). */
    public String in(Locale locale) {
        return Words.of(locale).text(this);
    }

    public String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }

}
