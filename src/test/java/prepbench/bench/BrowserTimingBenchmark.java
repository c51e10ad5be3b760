package prepbench.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;

import prepbench.PrepBenchApplication;

/**
 * What a technician waits for, measured in Debian's Chromium against PrepBench and, in
 * the same run and interleaved, against {@link FloorServer}, which answers the same 303
 * and a 200-byte page with the same header element: the difference is what PrepBench
 * adds.
 * <ul>
 * <li>a QR code opening {@code /formula-first?code=PRM00936&auto=start} in a new tab of a
 * warm, signed-in browser, to the preparation's header visible;
 * <li>the cold open of an existing preparation (a new browser profile, nothing cached);
 * <li>Enter in the dashboard's scan box to the header visible (same tab);
 * <li>the bytes a cold first load of the dashboard transfers.
 * </ul>
 * "Visible" is the formula code rendered, not the load event. Warm-up runs first, then
 * the measured runs; medians and p90 reported. Run by hand:
 * {@code bench/browser-timing.sh [runs=30]}.
 */
public final class BrowserTimingBenchmark {

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    private static final String QR = "/formula-first?code=PRM00936&auto=start";

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmUp = 10;
        ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN",
                "--prepbench.lock.max-consecutive-failures=0");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        Timings newTab = new Timings();
        Timings coldOpen = new Timings();
        Timings scanBox = new Timings();
        long dashboardBytes;
        int dashboardRequests;
        try (FloorServer floor = new FloorServer();
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium()
                    .launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                "--disable-component-update", "--disable-sync", "--no-first-run")))) {
            BrowserContext signedIn = browser.newContext(new Browser.NewContextOptions().setBaseURL(base));
            Page bench = signedIn.newPage();
            bench.navigate("/login");
            bench.getByLabel("Username").fill("technician");
            bench.getByLabel("Password").fill("tech123");
            bench.getByLabel("Password").press("Enter");
            bench.waitForURL(base + "/");
            warmUp(base, signedIn.cookies());
            BrowserContext floorBrowser = browser.newContext(new Browser.NewContextOptions().setBaseURL(floor.base()));
            Page floorPage = floorBrowser.newPage();
            List<Cookie> cookies = signedIn.cookies();
            String preparation = null;
            for (int i = 0; i < warmUp + runs; i++) {
                boolean measured = i >= warmUp;
                newTab.add(measured, () -> openInNewTab(signedIn, QR), () -> openInNewTab(floorBrowser, QR));
                scanBox.add(measured, () -> scanInBox(bench), () -> scanInBox(floorPage));
                preparation = bench.url();
                String existing = preparation;
                coldOpen.add(measured, () -> openCold(browser, existing, cookies),
                        () -> openCold(browser, floor.base() + FloorServer.PREPARATION, List.of()));
            }
            try (BrowserContext cold = browser.newContext(new Browser.NewContextOptions().setBaseURL(base))) {
                cold.addCookies(cookies);
                Page dashboard = cold.newPage();
                AtomicLong bytes = new AtomicLong();
                AtomicInteger requests = new AtomicInteger();
                dashboard.onRequestFinished(request -> {
                    var sizes = request.sizes();
                    bytes.addAndGet(sizes.responseBodySize + sizes.responseHeadersSize);
                    requests.incrementAndGet();
                });
                dashboard.navigate("/");
                dashboard.waitForLoadState(LoadState.NETWORKIDLE);
                dashboardBytes = bytes.get();
                dashboardRequests = requests.get();
            }
        }
        finally {
            app.close();
        }
        System.out.println("browser timing, Debian Chromium headless, " + runs + " runs after " + warmUp
                + " warm-up, PrepBench and the floor server interleaved in one run");
        newTab.print("QR code in a new tab -> header visible");
        coldOpen.print("cold open of a preparation");
        scanBox.print("dashboard scan box -> header visible");
        System.out.printf(Locale.ROOT, "cold first load of the dashboard: %d bytes (%.1f KB) in %d requests%n",
                dashboardBytes, dashboardBytes / 1024.0, dashboardRequests);
        System.exit(0);
    }

    /**
     * The server as a station that has been running for a while finds it: its code
     * compiled by the JIT. A few hundred scans and pages through plain HTTP, with the
     * signed-in browser's session, before anything is measured (a cold JVM answers a page
     * in 6 ms, a warm one in 1.5).
     */
    private static void warmUp(String base, List<Cookie> cookies) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String cookie = cookies.stream()
            .map(one -> one.name + "=" + one.value)
            .reduce((one, other) -> one + "; " + other)
            .orElseThrow();
        for (int i = 0; i < 500; i++) {
            HttpResponse<Void> scan = http.send(
                    HttpRequest.newBuilder(URI.create(base + QR)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.discarding());
            String page = scan.headers().firstValue("Location").orElseThrow();
            http.send(HttpRequest.newBuilder(URI.create(page.startsWith("http") ? page : base + page))
                .header("Cookie", cookie)
                .header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static Times openInNewTab(BrowserContext context, String url) {
        Page tab = context.newPage();
        try {
            double clicked = now();
            long start = System.nanoTime();
            tab.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            tab.getByTestId("formula-code").waitFor();
            double visible = (System.nanoTime() - start) / 1e6;
            double whole = visible;
            if (tab.getByTestId("step").count() > 0) {
                tab.getByTestId("step").first().waitFor();
                whole = (System.nanoTime() - start) / 1e6;
            }
            return new Times(visible, painted(tab) - clicked, whole);
        }
        finally {
            tab.close();
        }
    }

    /**
     * The wall clock in milliseconds, to the microsecond, as the browser's timeOrigin is.
     */
    private static double now() {
        java.time.Instant instant = java.time.Instant.now();
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }

    /**
     * When the page's first contentful paint happened, on the wall clock: the browser's
     * own record (Paint Timing) of the moment the header was first on screen, free of
     * Playwright's polling.
     */
    private static double painted(Page page) {
        return ((Number) page.evaluate("() => new Promise(done => { const paint = () => performance"
                + ".getEntriesByName('first-contentful-paint')[0]; const wait = () => paint() ? done(performance"
                + ".timeOrigin + paint().startTime) : requestAnimationFrame(wait); wait(); })"))
            .doubleValue();
    }

    /**
     * A measurement as Playwright sees it (the element visible) and as the browser
     * painted it.
     */
    private record Times(double visible, double painted, double whole) {

        Times(double visible, double painted) {
            this(visible, painted, visible);
        }

    }

    private static Times scanInBox(Page page) {
        page.navigate("/");
        page.locator("#scan").fill("F=PRM00936");
        double clicked = now();
        long start = System.nanoTime();
        page.locator("#scan").press("Enter");
        page.waitForURL(PREPARATION, new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT));
        page.getByTestId("formula-code").waitFor();
        return new Times((System.nanoTime() - start) / 1e6, painted(page) - clicked);
    }

    private static Times openCold(Browser browser, String url, List<Cookie> cookies) {
        try (BrowserContext cold = browser.newContext()) {
            if (!cookies.isEmpty()) {
                cold.addCookies(cookies);
            }
            Page fresh = cold.newPage();
            double clicked = now();
            long start = System.nanoTime();
            fresh.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            fresh.getByTestId("formula-code").waitFor();
            return new Times((System.nanoTime() - start) / 1e6, painted(fresh) - clicked);
        }
    }

    /** PrepBench's and the floor's times for one measurement, taken in turn. */
    private static final class Timings {

        private final List<Double> prepBench = new ArrayList<>();

        private final List<Double> floor = new ArrayList<>();

        private final List<Double> prepBenchPainted = new ArrayList<>();

        private final List<Double> floorPainted = new ArrayList<>();

        private final List<Double> prepBenchWhole = new ArrayList<>();

        void add(boolean measured, Supplier<Times> ofPrepBench, Supplier<Times> ofFloor) {
            Times ours = ofPrepBench.get();
            Times least = ofFloor.get();
            if (measured) {
                prepBench.add(ours.visible());
                floor.add(least.visible());
                prepBenchPainted.add(ours.painted());
                floorPainted.add(least.painted());
                prepBenchWhole.add(ours.whole());
            }
        }

        void print(String label) {
            System.out.printf(Locale.ROOT,
                    "%-40s visible: PrepBench median %6.1f ms (p90 %6.1f)  floor median %6.1f ms (p90 %6.1f)  difference %+6.1f ms%n",
                    label, median(prepBench), p90(prepBench), median(floor), p90(floor),
                    median(prepBench) - median(floor));
            System.out.printf(Locale.ROOT,
                    "%-40s painted: PrepBench median %6.1f ms (p90 %6.1f)  floor median %6.1f ms (p90 %6.1f)  difference %+6.1f ms%n",
                    "", median(prepBenchPainted), p90(prepBenchPainted), median(floorPainted), p90(floorPainted),
                    median(prepBenchPainted) - median(floorPainted));
            if (!prepBenchWhole.equals(prepBench)) {
                System.out.printf(Locale.ROOT,
                        "%-40s the steps table visible too: PrepBench median %6.1f ms (p90 %6.1f)%n", "",
                        median(prepBenchWhole), p90(prepBenchWhole));
            }
        }

        private static double median(List<Double> millis) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        private static double p90(List<Double> millis) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1);
        }

    }

}
