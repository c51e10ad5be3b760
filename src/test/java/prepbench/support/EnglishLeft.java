package prepbench.support;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The interface text of a page that is still in English when the page is in Arabic. Data
 * is not interface text and is skipped: what a page marks as data (an element with a
 * {@code dir} of its own, {@code <bdi>}, {@code <code>}, {@code <kbd>}, {@code <samp>},
 * {@code <pre>}, {@code translate="no"}), what a person typed (form values) and scripts.
 * Numbers, units, formula codes and a few acronyms are allowed ({@link #ALLOWED}).
 */
public final class EnglishLeft {

    /** Latin words an Arabic page may keep: the product's name, units and acronyms. */
    public static final Set<String> ALLOWED = Set.of("PrepBench", "QR", "PDF", "CSV", "JSON", "API", "GS1", "mL", "g",
            "kg", "mg", "SHA", "HTTP", "CAS", "SSE", "UTC", "ID", "GMP", "ISO", "README");

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /**
     * Not words: values isolated in a sentence (U+2068 … U+2069), ids, ISO times, codes
     * that end in a number (ETH-001, PRM00936-3, bench-1).
     */
    private static final Pattern NOT_WORDS = Pattern
        .compile("\u2068[^\u2069]*\u2069|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                + "|\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-[0-9][A-Za-z0-9-]*");

    private static final List<String> READ_ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt",
            "aria-description", "label");

    private EnglishLeft() {
    }

    /** Each text with an English word left, with where it was found. */
    public static Set<String> in(String html) {
        Document page = Jsoup.parse(html);
        page.body()
            .select("[dir], bdi, code, kbd, samp, pre, script, style, template, [translate=no], textarea")
            .remove();
        page.head().select("script, style").remove();
        Set<String> left = new LinkedHashSet<>();
        check(page.title(), "title", left);
        for (Element element : page.body().getAllElements()) {
            check(element.ownText(), element.tagName(), left);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey();
                boolean read = READ_ATTRIBUTES.contains(name)
                        || (name.startsWith("data-") && attribute.getValue().contains(" ")
                                && !name.equals("data-testid"))
                        || (name.equals("value") && element.is("input[type=submit], input[type=button], button"));
                if (read) {
                    check(attribute.getValue(), element.tagName() + "@" + name, left);
                }
            }
        }
        return left;
    }

    private static void check(String text, String where, Set<String> left) {
        if (text == null || text.isBlank()) {
            return;
        }
        Matcher word = WORD.matcher(NOT_WORDS.matcher(text).replaceAll(" "));
        while (word.find()) {
            String found = word.group();
            if (!ALLOWED.contains(found) && found.chars().noneMatch(Character::isDigit)) {
                left.add("<" + where + "> " + shorten(text.strip()));
                return;
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 90 ? text : text.substring(0, 90) + "…";
    }

}
