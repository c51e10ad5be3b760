package prepbench.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * PrepBench's words in one language, and its times in the lab's zone: what every page,
 * ProblemDetail, CSV header and printed record asks for its text. English and Arabic
 * ({@link #LANGUAGES}); every key is in both (a test holds the bundles to it).
 * <p>
 * A pattern's {@code {0}}, {@code {1}}… are replaced by the arguments as they are; there
 * is no other syntax (an apostrophe is an apostrophe, unlike {@code MessageFormat}).
 * Numbers stay in Western digits with the decimal point in both languages (lab practice);
 * dates and times are in the reader's language, and in the lab's zone. In a right-to-left
 * language a text value (a code, a name, what someone typed) is bidi-isolated in its
 * sentence.
 */
public final class Words {

    /** The languages PrepBench speaks, the first the default. */
    public static final List<String> LANGUAGES = List.of("en", "ar");

    /** The message bundles under {@code i18n/}, one per part of the interface. */
    public static final List<String> BUNDLES = List.of("common", "bench", "records", "catalog", "admin", "refusals",
            "entries", "api");

    /** Unicode's bidi isolation of a value inside a sentence (U+2068 … U+2069). */
    public static final char FIRST_STRONG_ISOLATE = '\u2068';

    public static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    private static final ConcurrentMap<String, Words> CACHE = new ConcurrentHashMap<>();

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
        .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;

    private final ZoneId zone;

    private final List<ResourceBundle> bundles;

    private final DateTimeFormatter time;

    private final DateTimeFormatter date;

    private Words(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundles = BUNDLES.stream()
            .map(name -> ResourceBundle.getBundle("i18n/" + name, locale, Words.class.getClassLoader(), NO_FALLBACK))
            .toList();
        this.time = DateTimeFormatter.ofPattern(pattern("format.time"), locale).withZone(zone);
        this.date = DateTimeFormatter.ofPattern(pattern("format.date"), locale);
    }

    /**
     * The words of a language ({@code en} for any PrepBench does not speak), times in
     * UTC.
     */
    public static Words of(Locale locale) {
        return of(locale, ZoneId.of("UTC"));
    }

    /** The words of a language, times in the lab's zone. */
    public static Words of(Locale locale, ZoneId zone) {
        String language = supported(locale.getLanguage());
        return CACHE.computeIfAbsent(language + " " + zone.getId(),
                key -> new Words(Locale.forLanguageTag(language), zone));
    }

    /** The language's code when PrepBench speaks it, else the default ({@code en}). */
    public static String supported(String language) {
        return language != null && LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code en} or {@code ar}, for {@code <html lang>}. */
    public String lang() {
        return locale.getLanguage();
    }

    /** {@code rtl} for Arabic, else {@code ltr}, for {@code <html dir>}. */
    public String dir() {
        return rightToLeft() ? "rtl" : "ltr";
    }

    public boolean rightToLeft() {
        return "ar".equals(locale.getLanguage());
    }

    /** The words for a key, its arguments in place. */
    public String t(String key, Object... args) {
        if (args.length == 0) {
            return pattern(key);
        }
        StringBuilder worded = new StringBuilder();
        for (Part part : parts(Text.of(key, args))) {
            worded.append(part.isValue() ? shown(part.value()) : part.words());
        }
        return worded.toString();
    }

    /**
     * A text cut at its placeholders, for a page that shows its values otherwise than its
     * words (each value in a {@code <bdi>}, a link in place of a value): the words in
     * this language, and each value as it was given. The one reader of {@code {0}},
     * {@code {1}}… patterns; a placeholder without a value stays as it is.
     */
    public List<Part> parts(Text text) {
        String pattern = pattern(text.key());
        List<Object> args = text.args();
        List<Part> parts = new java.util.ArrayList<>();
        int from = 0;
        for (int at = 0; at + 2 < pattern.length(); at++) {
            if (pattern.charAt(at) == '{' && Character.isDigit(pattern.charAt(at + 1)) && pattern.charAt(at + 2) == '}'
                    && pattern.charAt(at + 1) - '0' < args.size()) {
                if (at > from) {
                    parts.add(Part.ofWords(pattern.substring(from, at)));
                }
                parts.add(Part.ofValue(args.get(pattern.charAt(at + 1) - '0')));
                from = at + 3;
                at += 2;
            }
        }
        if (from < pattern.length()) {
            parts.add(Part.ofWords(pattern.substring(from)));
        }
        return parts;
    }

    /**
     * Words of a sentence, or one of its values (then {@code words} is null).
     *
     * @param value never null for a value (a missing one is the text "null", as a
     * sentence would write it)
     */
    public record Part(String words, Object value) {

        static Part ofWords(String words) {
            return new Part(words, null);
        }

        static Part ofValue(Object value) {
            return new Part(null, value == null ? "null" : value);
        }

        public boolean isValue() {
            return words == null;
        }

    }

    public String text(Text text) {
        return t(text.key(), text.args().toArray());
    }

    /** A refusal's message in this language: its {@link Text} when it has one. */
    public String message(Throwable refusal) {
        if (refusal instanceof InvalidEntry invalid) {
            return String.join(" ", invalid.problems(this).values());
        }
        return refusal instanceof WordedRefusal worded ? text(worded.text()) : refusal.getMessage();
    }

    /** A moment in the lab's zone, to the second, in this language; "—" for none. */
    public String time(Instant instant) {
        return instant == null ? "—" : time.format(instant);
    }

    /** A calendar day in this language; "—" for none. */
    public String date(LocalDate day) {
        return day == null ? "—" : date.format(day);
    }

    /**
     * Whether any bundle has the key: for words of a code only some codes have (an audit
     * action, a health status).
     */
    public boolean has(String key) {
        return bundles.stream().anyMatch(bundle -> bundle.containsKey(key));
    }

    private String pattern(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        if (!locale.getLanguage().equals(LANGUAGES.get(0))) {
            return of(Locale.forLanguageTag(LANGUAGES.get(0)), zone).pattern(key);
        }
        throw new MissingResourceException("No words for " + key, Words.class.getName(), key);
    }

    private String shown(Object arg) {
        if (arg instanceof Text text) {
            return text(text);
        }
        if (arg instanceof Instant instant) {
            return time(instant);
        }
        if (arg instanceof LocalDate day) {
            return date(day);
        }
        String value = String.valueOf(arg);
        if (rightToLeft() && !(arg instanceof Number) && !value.isEmpty()) {
            // a code, a name, what someone typed: isolated, so that a Latin code keeps
            // its order (and its
            // punctuation its place) inside a right-to-left sentence
            return FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE;
        }
        return value;
    }

}
