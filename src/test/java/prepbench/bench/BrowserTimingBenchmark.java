package prepbench.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitUntilState;

import prepbench.PrepBenchApplication;

/**
 * What a technician waits for, measured in Debian's Chromium: from submitting
 * {@code F=PRM00936} in the dashboard's scan box to the preparation page being visible,
 * and the cold load of an existing preparation page (a new browser context each time, so
 * nothing is cached). "Visible" is the formula code on the page being rendered, not the
 * browser's load event (which also waits for scripts that do not change what the
 * technician sees). Warm-up runs first, then the measured runs; median and p90 reported.
 * Run by hand: {@code bench/browser-timing.sh [runs=30]}.
 */
public final class BrowserTimingBenchmark {

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = 10;
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN",
                "--prepbench.lock.max-consecutive-failures=0");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        List<Double> scans = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>();
        List<Double> domReady = new ArrayList<>();
        List<Double> coldLoads = new ArrayList<>();
        try (Playwright playwright = Playwright
            .create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                var browser = playwright.chromium()
                    .launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            BrowserContext context = browser
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(base));
            Page page = context.newPage();
            page.navigate("/login");
            page.getByLabel("Username").fill("technician");
            page.getByLabel("Password").fill("tech123");
            page.getByLabel("Password").press("Enter");
            page.waitForURL(base + "/");
            String preparation = null;
            for (int i = 0; i < warmUp + runs; i++) {
                page.navigate("/");
                page.locator("#scan").fill("F=PRM00936");
                long start = System.nanoTime();
                page.locator("#scan").press("Enter");
                page.waitForURL(PREPARATION, new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT));
                page.getByTestId("formula-code").waitFor();
                double millis = (System.nanoTime() - start) / 1e6;
                preparation = page.url();
                if (i >= warmUp) {
                    scans.add(millis);
                    @SuppressWarnings("unchecked")
                    List<Number> phases = (List<Number>) page.evaluate("() => { const n = performance"
                            + ".getEntriesByType('navigation')[0]; return [n.responseStart, n.domContentLoadedEventEnd]; }");
                    firstByte.add(phases.get(0).doubleValue());
                    domReady.add(phases.get(1).doubleValue());
                }
            }
            var cookies = context.cookies();
            for (int i = 0; i < warmUp + runs; i++) {
                try (BrowserContext cold = browser.newContext()) {
                    cold.addCookies(cookies);
                    Page fresh = cold.newPage();
                    long start = System.nanoTime();
                    fresh.navigate(preparation, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                    fresh.getByTestId("formula-code").waitFor();
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (i >= warmUp) {
                        coldLoads.add(millis);
                    }
                }
            }
        }
        finally {
            app.close();
        }
        System.out.println("browser timing, Debian Chromium headless, " + runs + " runs after " + warmUp + " warm-up");
        print("scan F=PRM00936 -> preparation visible", scans);
        print("  of which: navigation start -> first byte", firstByte);
        print("  of which: navigation start -> DOM ready", domReady);
        print("cold load of a preparation page", coldLoads);
        System.exit(0);
    }

    private static void print(String label, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-40s median %6.1f ms  p90 %6.1f ms  min %6.1f  max %6.1f%n", label,
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

}
