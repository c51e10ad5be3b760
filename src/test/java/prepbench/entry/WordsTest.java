package prepbench.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    /** A key named in a template or a source: t("key" or Text.of("key". */
    private static final Pattern USED = Pattern
        .compile("(?:\\bt|Text\\.of)\\(\\s*\"([a-z0-9][a-z0-9_.-]*)\"|message = \"\\{([a-z0-9_.-]+)}\"");

    /**
     * What is not a word in a pattern: placeholders, ISO times and dates
     * (2026-11-27T08:00:00Z).
     */
    private static final Pattern NOT_WORDS = Pattern.compile("\\{[a-z]+}|\\d{4}-\\d\\d-\\d\\dT[0-9:]+Z|yyyy-MM-dd");

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    @Test
    void everyKeyIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String bundle : Words.BUNDLES) {
            Properties english = load(bundle + ".properties");
            Properties arabic = load(bundle + "_ar.properties");
            for (String key : english.stringPropertyNames()) {
                if (!arabic.containsKey(key)) {
                    problems.add(bundle + ": no Arabic for " + key);
                }
                else if (!placeholders(english.getProperty(key)).equals(placeholders(arabic.getProperty(key)))) {
                    problems.add(bundle + ": " + key + " has other placeholders in Arabic");
                }
            }
            for (String key : arabic.stringPropertyNames()) {
                if (!english.containsKey(key)) {
                    problems.add(bundle + ": Arabic only " + key);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Map<String, String> seen = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : Words.BUNDLES) {
            for (String key : load(bundle + ".properties").stringPropertyNames()) {
                String other = seen.put(key, bundle);
                if (other != null) {
                    twice.add(key + " in " + other + " and " + bundle);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void arabicKeepsNoEnglishWords() throws IOException {
        List<String> english = new ArrayList<>();
        for (String bundle : Words.BUNDLES) {
            Properties arabic = load(bundle + "_ar.properties");
            for (String key : arabic.stringPropertyNames()) {
                if (key.startsWith("format.")) {
                    continue;
                }
                if (key.startsWith("api.field.")) {
                    // a request field's message names the JSON field, the same in both
                    // languages
                    assertThat(arabic.getProperty(key)).as(key).containsPattern("\\p{IsArabic}");
                    continue;
                }
                Matcher word = LATIN_WORD.matcher(NOT_WORDS.matcher(arabic.getProperty(key)).replaceAll(" "));
                while (word.find()) {
                    if (!prepbench.support.EnglishLeft.ALLOWED.contains(word.group())
                            && !word.group().matches("[A-Z]{3}\\d{5}")) {
                        english.add(bundle + ": " + key + " keeps \"" + word.group() + "\"");
                    }
                }
            }
        }
        assertThat(english).isEmpty();
    }

    @Test
    void everyKeyNamedInTheSourcesHasWords() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : Words.BUNDLES) {
            keys.addAll(load(bundle + ".properties").stringPropertyNames());
        }
        Set<String> missing = new TreeSet<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/jte"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher used = USED.matcher(Files.readString(file));
                    while (used.find()) {
                        String key = used.group(1) != null ? used.group(1) : used.group(2);
                        boolean prefix = key.endsWith(".");
                        if (prefix ? keys.stream().noneMatch(known -> known.startsWith(key)) : !keys.contains(key)) {
                            missing.add(used.group(1) + " (" + root.relativize(file) + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void placeholdersTakeTheirValuesAsTheyAreAndTextsInTheSameLanguage() {
        Words arabic = Words.of(Locale.forLanguageTag("ar"));
        assertThat(arabic.t("error.formula-locked", "PRM00936")).isEqualTo("التركيبة \u2068PRM00936\u2069 مقفلة");
        assertThat(Words.of(Locale.ENGLISH).t("error.formula-locked", "PRM00936"))
            .isEqualTo("Formula PRM00936 is locked");
        assertThat(arabic.t("nav.account", Text.of("role.lab_lead"))).isEqualTo("حسابك (رئيس مختبر)");
        assertThat(Words.of(Locale.ENGLISH).t("nav.account", Text.of("role.lab_lead")))
            .isEqualTo("Your account (lab lead)");
        assertThat(Text.of("error.formula-locked", "it's").english()).isEqualTo("Formula it's is locked");
    }

    @Test
    void aLanguageNotSpokenIsEnglishAndArabicReadsRightToLeft() {
        assertThat(Words.of(Locale.FRENCH).lang()).isEqualTo("en");
        assertThat(Words.of(Locale.FRENCH).dir()).isEqualTo("ltr");
        assertThat(Words.of(Locale.forLanguageTag("ar-SA")).lang()).isEqualTo("ar");
        assertThat(Words.of(Locale.forLanguageTag("ar-SA")).dir()).isEqualTo("rtl");
    }

    @Test
    void timesAreInTheLabsZoneAndTheReadersLanguageWithWesternDigits() {
        Instant noon = Instant.parse("2026-12-01T12:30:05Z");
        assertThat(Words.of(Locale.ENGLISH).time(noon)).isEqualTo("2026-12-01 12:30:05 UTC");
        Words riyadh = Words.of(Locale.forLanguageTag("ar"), ZoneId.of("Asia/Riyadh"));
        assertThat(riyadh.time(noon)).isEqualTo("1 ديسمبر 2026، 15:30:05 غرينتش+3");
        assertThat(riyadh.date(LocalDate.of(2027, 3, 9))).isEqualTo("9 مارس 2027");
        assertThat(Words.of(Locale.ENGLISH).time(null)).isEqualTo("—");
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(pattern).results().forEach(match -> found.add(match.group()));
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

}
