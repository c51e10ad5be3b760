package prepbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.webjars.WebJarVersionLocator;

/**
 * The Bootstrap stylesheets PrepBench serves are Bootstrap's own, cut by
 * {@code tools/purge-css.sh} (PurgeCSS) to what the templates, scripts and page classes
 * use: this fails when the webjar's Bootstrap is another version than the one cut, or
 * when a class they use has rules in Bootstrap that the cut lacks (a template changed and
 * the script was not run again).
 */
class PurgedStylesTest {

    /** What PurgeCSS's default extractor takes for a possible class name. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");

    /** A rule's selectors in minified CSS: what precedes a '{'. */
    private static final Pattern SELECTORS = Pattern.compile("([^{};/]+)\\{");

    private static final Pattern CLASS = Pattern.compile("\\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)");

    /** Only classes, pseudo-classes and combinators: what the content alone decides. */
    private static final Pattern CLASSES_ONLY = Pattern.compile("(?:\\.[_a-zA-Z][_a-zA-Z0-9-]*|:[a-z-]+|[ >+~])+");

    @ParameterizedTest
    @ValueSource(strings = { "bootstrap.min.css", "bootstrap.rtl.min.css" })
    void keepsEveryRuleOfEveryClassThePagesUse(String name) throws IOException {
        String version = new WebJarVersionLocator().version("bootstrap");
        String full = read("/META-INF/resources/webjars/bootstrap/" + version + "/css/" + name);
        String cut = Files.readString(Path.of("src/main/resources/static/css", name));
        assertThat(cut).as("cut from the webjar's Bootstrap; run tools/purge-css.sh")
            .startsWith("@charset \"UTF-8\";/* Bootstrap " + version + " cut by PurgeCSS");
        assertThat(cut.length()).as("a cut, not the whole").isLessThan(full.length() / 3);

        Set<String> used = usedTokens();
        Set<String> missing = new TreeSet<>();
        Matcher rule = SELECTORS.matcher(full);
        while (rule.find()) {
            for (String selector : rule.group(1).split(",")) {
                String plain = selector.strip();
                if (plain.isEmpty() || plain.startsWith("@") || !CLASSES_ONLY.matcher(plain).matches()) {
                    continue;
                }
                Set<String> classes = new HashSet<>();
                CLASS.matcher(plain).results().forEach(match -> classes.add(match.group(1)));
                if (!classes.isEmpty() && used.containsAll(classes) && !cut.contains(plain)) {
                    missing.add(plain);
                }
            }
        }
        assertThat(missing).as("rules the pages need that the cut lacks; run tools/purge-css.sh").isEmpty();
    }

    private static Set<String> usedTokens() throws IOException {
        Set<String> tokens = new HashSet<>();
        for (String root : List.of("src/main/jte", "src/main/resources/static/js", "src/main/java/prepbench/ui")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    TOKEN.matcher(Files.readString(file)).results().forEach(match -> tokens.add(match.group()));
                }
            }
        }
        return tokens;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PurgedStylesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
