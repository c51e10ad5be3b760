package prepbench.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * An accessibility check of the page as it is now: axe-core (the engine browsers' own
 * audits use) run in the page against WCAG 2.1 A and AA, keeping the serious and critical
 * violations.
 */
final class Accessibility {

    private static final String AXE = load();

    private Accessibility() {
    }

    /**
     * Each serious or critical violation as "rule (impact): help, at: selectors"; empty
     * when there is none.
     */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe !== 'undefined'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(AXE));
        }
        // the page as it settles, not halfway through a button's colour transition (a
        // button that just lost the
        // focus fades from filled to outline for 0.15 s, and its colours in between fail
        // the contrast rule)
        page.addStyleTag(new Page.AddStyleTagOptions()
            .setContent("*, *::before, *::after { transition: none !important; animation: none !important; }"));
        return (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, { runOnly: { type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.id + ' (' + v.impact + '): ' + v.help + ', at: '
                          + v.nodes.map(n => n.target.join(' ')).join(' | '));
                }""");
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is not on the test class path (com.deque.html.axe-core:" + "playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

}
