package prepbench.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import prepbench.scales.simulator.ScaleSimulatorServer;

/**
 * Going live, in a real browser: a production station (no demo data) starts with one
 * admin whose initial password must be changed; the admin creates a lab lead and a
 * technician, who must change their temporary passwords; the lab lead releases a formula;
 * the technician prepares it on a real-protocol balance (the TCP balance simulator
 * speaking MT-SICS, not a simulated bench); five wrong passwords lock the lab lead until
 * the admin unlocks; a disabled technician's open page is signed out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "prepbench.demo-data=false",
        "prepbench.simulated-benches=0", "prepbench.initial-admin-password=" + GoLiveBrowserTest.INITIAL })
class GoLiveBrowserTest extends InBrowser {

    static final String INITIAL = "initial admin password 1";

    private static final String ADMIN = "the chief chose this";

    private static final String LEAD = "lead password of jeanne";

    private static final String TECH = "pat weighs carefully";

    private static final Pattern PREPARATION = Pattern.compile(".*/preparations/[0-9a-f-]{36}$");

    private static final ScaleSimulatorServer BALANCE;

    static {
        try {
            BALANCE = new ScaleSimulatorServer("mt-sics", 0, 0);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void realBalance(DynamicPropertyRegistry registry) {
        registry.add("prepbench.benches[0].id", () -> "line-1");
        registry.add("prepbench.benches[0].scale.protocol", () -> "mt-sics");
        registry.add("prepbench.benches[0].scale.host", () -> "127.0.0.1");
        registry.add("prepbench.benches[0].scale.port", BALANCE::port);
        registry.add("prepbench.benches[0].scale.poll-interval-ms", () -> 50);
    }

    @AfterAll
    void stopBalance() {
        BALANCE.close();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void signIn(Page page, String user, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        button(page, "Sign in").click();
    }

    /**
     * Signs in with a temporary password, which PrepBench asks to change before anything
     * else.
     */
    private static void firstSignIn(Page page, String user, String temporary, String chosen) {
        signIn(page, user, temporary);
        page.waitForURL(Pattern.compile(".*/account\\?required$"));
        assertThat(page.getByTestId("change-required")).containsText("Your password is temporary");
        page.getByLabel("Current password").fill(temporary);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
        page.getByLabel("New password again").fill(chosen);
        button(page, "Change password").click();
        assertThat(page.locator("#scan")).isVisible();
    }

    private static void createAccount(Page admin, String username, String fullName, String role, String password) {
        admin.navigate("/admin/users");
        admin.getByLabel("Username").fill(username);
        admin.getByLabel("Full name (as it appears on records)").fill(fullName);
        admin.getByLabel("Role").selectOption(role);
        admin.getByLabel("Temporary password").fill(password);
        button(admin, "Create account").click();
        assertThat(admin.getByTestId("account-message")).containsText("Account created");
    }

    /**
     * The lab lead's part over the API: an ingredient and a one-line formula, released
     * with their signature.
     */
    private void releaseAFormula() {
        api("POST", "/api/v1/ingredients", """
                {"code":"ETH-LIVE","name":"Ethanol (live)","casNumber":"64-17-5","primaryCodeValue":"C-ETH-LIVE",
                 "alternativeCodeValues":[],"allowedSymbologies":"","parser":"plain","density":"0.789","active":true}
                """, 201);
        api("POST", "/api/v1/formulas",
                "{\"code\":\"LIVE1\",\"name\":\"First live formula\",\"batchAmount\":\"50\"," + "\"batchUnit\":\"g\"}",
                201);
        api("PUT", "/api/v1/formulas/LIVE1/draft", """
                {"name":"First live formula","batchAmount":"50","batchUnit":"g","amountsAs":"%","revision":1,
                 "lines":[{"ingredientCode":"ETH-LIVE","amount":"100"}]}
                """, 200);
        api("POST", "/api/v1/formulas/LIVE1/versions/1/release",
                "{\"revision\":2,\"password\":\"" + LEAD + "\",\"meaning\":\"approved for preparation\"}", 200);
    }

    private void api(String method, String path, String body, int expected) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization",
                            "Basic " + Base64.getEncoder()
                                .encodeToString(("j.martin:" + LEAD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isEqualTo(expected);
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void aProductionStationGoesLive() {
        try (BrowserContext adminContext = newContext();
                BrowserContext leadContext = newContext();
                BrowserContext technicianContext = newContext()) {
            Page admin = adminContext.newPage();
            admin.setDefaultTimeout(15_000);
            assertThat(admin.locator("body")).not().containsText("Demo: simulated balances");
            firstSignIn(admin, "admin", INITIAL, ADMIN);
            createAccount(admin, "j.martin", "Jeanne Martin", "lab_lead", "temporary for jeanne");
            createAccount(admin, "p.tech", "Pat Technician", "technician", "temporary for pat 1");

            Page lead = leadContext.newPage();
            lead.setDefaultTimeout(15_000);
            firstSignIn(lead, "j.martin", "temporary for jeanne", LEAD);
            releaseAFormula();

            Page technician = technicianContext.newPage();
            technician.setDefaultTimeout(15_000);
            firstSignIn(technician, "p.tech", "temporary for pat 1", TECH);
            technician.locator("#scan").fill("F=LIVE1");
            technician.locator("#scan").press("Enter");
            technician.waitForURL(PREPARATION);
            Browser.scriptsRan(technician);
            assertThat(technician.getByTestId("bench")).hasText("line-1");
            assertThat(technician.locator("body")).not().containsText("Simulated balance");
            technician.locator("#container-code").fill("C-ETH-LIVE");
            technician.locator("#container-code").press("Enter");
            assertThat(technician.getByTestId("identified")).isVisible();
            // the vessel on, tared through the balance's own protocol; then the pour
            BALANCE.balance().load(new BigDecimal("52.317"), Duration.ZERO, BigDecimal.ZERO);
            Browser.settledAfter(technician, System.currentTimeMillis());
            technician.waitForResponse(response -> response.request().method().equals("POST"),
                    () -> button(technician, "Tare").click());
            assertThat(technician.getByTestId("live-grams")).hasText("0.000");
            BALANCE.balance().load(new BigDecimal("102.317"), Duration.ZERO, BigDecimal.ZERO);
            assertThat(technician.getByTestId("live-diff")).hasText("+0.000 g");
            Browser.settledAfter(technician, System.currentTimeMillis());
            technician.waitForResponse(response -> response.request().method().equals("POST"),
                    () -> button(technician, "Capture").click());
            assertThat(technician.getByTestId("session-status")).hasAttribute("data-status", "completed");
            technician.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Preparation record")).click();
            assertThat(technician.getByTestId("balance")).containsText("line-1 (mt-sics, tcp 127.0.0.1:");
            assertThat(technician.getByTestId("balance"))
                .containsText(", model PB-SIM220 220.0000 g, serial 0123456789)");
            assertThat(technician.locator("body")).not().containsText("DEMO");

            lead.navigate("/");
            for (int wrong = 1; wrong <= 5; wrong++) {
                lead.context().clearCookies();
                signIn(lead, "j.martin", "not my password " + wrong);
                lead.waitForURL(Pattern.compile(".*/login\\?error$"));
            }
            signIn(lead, "j.martin", LEAD);
            lead.waitForURL(Pattern.compile(".*/login\\?error$"));
            assertThat(lead.locator("body")).containsText("locked or disabled");
            admin.navigate("/admin/users/j.martin");
            assertThat(admin.getByTestId("account-status")).containsText("locked until");
            button(admin, "Unlock").click();
            assertThat(admin.getByTestId("account-message")).containsText("Done.");
            signIn(lead, "j.martin", LEAD);
            assertThat(lead.locator("#scan")).isVisible();

            technician.navigate("/");
            admin.navigate("/admin/users/p.tech");
            button(admin, "Disable (signs them out now)").click();
            assertThat(admin.getByTestId("account-status")).containsText("disabled");
            technician.navigate("/formulas");
            technician.waitForURL(Pattern.compile(".*/login\\?ended$"));
            assertThat(technician.locator("body")).containsText("An admin changed your account");
        }
    }

}
