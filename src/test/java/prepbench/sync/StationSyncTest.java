package prepbench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.PrepBenchApplication;
import prepbench.access.Actor;
import prepbench.access.Role;
import prepbench.audit.AuditTrail;
import prepbench.formulas.FormulaCode;
import prepbench.formulas.FormulaManagement;
import prepbench.formulas.NoReleasedVersion;
import prepbench.preparation.ActionRefused;
import prepbench.preparation.FormulaLocked;
import prepbench.preparation.PreparationManagement;
import prepbench.preparation.PreparationSession;
import prepbench.preparation.SessionId;
import prepbench.preparation.SessionStatus;
import prepbench.preparation.StartPreparation;
import prepbench.preparation.Step;
import prepbench.scales.simulator.ScaleSimulatorServer;
import prepbench.security.AccountManagement;
import prepbench.support.DemoLabels;
import prepbench.support.Eventually;
import prepbench.support.StationSettings;
import prepbench.support.TcpGate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One central (this test's context, H2) and two stations (contexts of their own, each on
 * its own H2, reaching central through a gate the test shuts and opens): a preparation
 * made while central is away arrives whole once it is back, its chain verified; a resend
 * is harmless; a tampered event is refused; a lock made at one station stops the formula
 * at central and at the other; a version retired and an account disabled at central while
 * a station was away turn that station's later preparation {@code server_rejected} with
 * central's reason. Issue 18.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StationSyncTest {

    private static final Actor TECHNICIAN = Actor.withRole("technician", Role.TECHNICIAN);

    private static final Actor LAB_LEAD = Actor.withRole("lablead", Role.LAB_LEAD);

    private static final Actor ADMIN = Actor.withRole("admin", Role.ADMIN);

    private static final Duration SOON = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient central;

    @Autowired
    AuditTrail centralTrail;

    @Autowired
    PreparationManagement centralPreparations;

    @Autowired
    FormulaManagement centralFormulas;

    @Autowired
    AccountManagement centralAccounts;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    private ScaleSimulatorServer balance;

    private final List<AutoCloseable> closing = new ArrayList<>();

    private Station a;

    private Station b;

    /** A station: its context, the gate between it and central, its token. */
    private record Station(String name, ConfigurableApplicationContext context, TcpGate gate, String token) {

        PreparationManagement preparations() {
            return context.getBean(PreparationManagement.class);
        }

        JdbcClient jdbc() {
            return context.getBean(JdbcClient.class);
        }

        StationSync sync() {
            return context.getBean(StationSync.class);
        }

    }

    @BeforeAll
    void stations() throws Exception {
        balance = new ScaleSimulatorServer("mt-sics", 0, 0);
        closing.add(balance);
        a = station("line-a");
        b = station("line-b");
    }

    @AfterAll
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    @Order(1)
    void aPreparationMadeWhileCentralIsAwayArrivesWholeWithinSecondsOfItsReturn() throws Exception {
        a.gate().shut();
        PreparationSession made = prepareByHand(a, "PRM00936", step -> step.targetG());
        assertThat(made.status()).isEqualTo(SessionStatus.COMPLETED);
        await(() -> !a.sync().status().orElseThrow().centralReachable(), "the station notices central is away");
        StationSync.Status waiting = a.sync().status().orElseThrow();
        assertThat(waiting.waiting()).isEqualTo(stationEvents(a, made.id()).size());
        assertThat(waiting.oldestWaitingSince()).isNotNull();

        a.gate().open();
        long back = System.nanoTime();
        await(() -> a.sync().status().orElseThrow().waiting() == 0, "everything sent");
        System.out.printf("Sync: central had the preparation %d ms after it came back%n",
                (System.nanoTime() - back) / 1_000_000);

        // central has every event once, as the station sealed it, and its chain verifies
        List<String> atStation = stationEvents(a, made.id());
        assertThat(centralEvents(made.id())).isEqualTo(atStation);
        var verification = centralTrail.verifySession(made.id().value());
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        PreparationSession copy = centralPreparations.get(made.id());
        assertThat(copy.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(copy.origin().station()).isEqualTo("line-a");
        assertThat(copy.origin().stationAttemptNo()).isEqualTo(made.attemptNo());
        assertThat(copy.steps()).extracting(Step::capturedG)
            .containsExactlyElementsOf(a.preparations().get(made.id()).steps().stream().map(Step::capturedG).toList());
        // the station keeps central's number beside its own provisional one
        await(() -> copy.attemptNo() == orZero(a.preparations().get(made.id()).origin().centralAttemptNo()),
                "central's attempt number at the station");
        assertThat(a.sync().status().orElseThrow().lastSentAt()).isNotNull();
        // central's events carry the station's time and when they arrived; the API names
        // the station
        assertThat(centralTrail.forSession(made.id().value()))
            .allSatisfy(event -> assertThat(event.receivedAt()).isNotNull().isAfterOrEqualTo(event.at()));
        assertThat(a.context().getBean(AuditTrail.class).forSession(made.id().value()))
            .allSatisfy(event -> assertThat(event.receivedAt()).isNull());
        JsonNode asCentralHasIt = json
            .readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/preparations/" + made.id()))
                .header("Authorization", basic("technician", "tech123"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(asCentralHasIt.get("station").asString()).isEqualTo("line-a");
        assertThat(asCentralHasIt.get("stationAttemptNo").asInt()).isEqualTo(made.attemptNo());
        assertThat(asCentralHasIt.get("attemptNo").asInt()).isEqualTo(copy.attemptNo());

        // a resend of all of it changes nothing at central
        long receipts = receipts(made.id());
        JsonNode answer = send(a, events(a, made.id()), Instant.now());
        assertThat(answer.at("/chains/0/acceptedThrough").asLong()).isEqualTo(atStation.size());
        assertThat(answer.at("/chains/0/centralAttemptNo").asInt()).isEqualTo(copy.attemptNo());
        assertThat(centralEvents(made.id())).isEqualTo(atStation);
        assertThat(receipts(made.id())).isEqualTo(receipts);

        // central's copy is central's to keep: nobody changes it there
        assertThatThrownBy(() -> centralPreparations.abort(made.id(), "trying", LAB_LEAD))
            .isInstanceOf(ActionRefused.class)
            .hasMessageContaining("line-a");
        // and the refusal is not written into the station's chain, which stays the
        // station's
        assertThat(centralEvents(made.id())).isEqualTo(atStation);

        // central's copy made "refused" behind central's back: no refusal of central's is
        // sealed
        central.sql("UPDATE preparation_session SET status = 'server_rejected', end_reason = 'made up' WHERE id = :id")
            .param("id", made.id().value())
            .update();
        assertThat(centralTrail.verifySession(made.id().value()).problem()).contains("central sealed no refusal");
        central.sql("UPDATE preparation_session SET status = 'completed', end_reason = NULL WHERE id = :id")
            .param("id", made.id().value())
            .update();
        assertThat(centralTrail.verifySession(made.id().value()).intact()).isTrue();
    }

    @Test
    @Order(2)
    void anEventChangedOnTheWayOrSealedByAnotherStationIsRefusedAndNothingIsStored() throws Exception {
        PreparationSession made = started(a, "PRM00936");
        await(() -> a.sync().status().orElseThrow().waiting() == 0, "the start sent");
        List<Map<String, Object>> events = events(a, made.id());
        Map<String, Object> last = events.get(events.size() - 1);

        // the next event, its payload changed after it was sealed
        a.preparations().scanContainer(made.id(), 1, DemoLabels.PRM00936.get("ING-ETH-001"), TECHNICIAN);
        List<Map<String, Object>> now = events(a, made.id());
        Map<String, Object> scanned = new java.util.LinkedHashMap<>(now.get(now.size() - 1));
        a.gate().shut();
        scanned.put("payload", scanned.get("payload").toString().replace("ING-ETH-001", "ING-ETH-002"));
        JsonNode answer = send(a, List.of(scanned), Instant.now());
        assertThat(answer.at("/chains/0/problem").asString()).contains("seal does not match");
        assertThat(answer.at("/chains/0/acceptedThrough").asLong()).isZero();
        assertThat(centralEvents(made.id())).hasSize(events.size());

        // the same event sent by the other station (its own token): not its preparation
        JsonNode other = send(b, List.of(now.get(now.size() - 1)), Instant.now());
        assertThat(other.at("/chains/0/problem").asString()).contains("sealed under key");
        assertThat(centralEvents(made.id())).hasSize(events.size());

        // an event whose predecessor central has not seen: sent again from there
        a.preparations().abort(made.id(), "test over", TECHNICIAN);
        List<Map<String, Object>> all = events(a, made.id());
        JsonNode gap = send(a, List.of(all.get(all.size() - 1)), Instant.now());
        assertThat(gap.at("/chains/0/resendFrom").asLong()).isEqualTo(((Number) last.get("seq")).longValue() + 1);

        a.gate().open();
        await(() -> a.sync().status().orElseThrow().waiting() == 0, "the rest sent");
        assertThat(centralEvents(made.id())).isEqualTo(stationEvents(a, made.id()));
        assertThat(last).isNotNull();
    }

    @Test
    @Order(3)
    void aLockMadeAtOneStationStopsTheFormulaAtCentralAndAtTheOther() throws Exception {
        PreparationSession made = started(a, "COS00217");
        // the station's own lock holds until central has heard of it, whatever central's
        // data says meanwhile
        a.gate().shut();
        Step first = made.steps().get(0);
        a.preparations().scanContainer(made.id(), 1, first.requiredCodeValue(), TECHNICIAN);
        PreparationSession locked = a.preparations()
            .enterWeightManually(made.id(), 1, first.upperLimitG().multiply(new BigDecimal(2)), "poured too much",
                    "lablead123", true, LAB_LEAD);
        assertThat(locked.status()).isEqualTo(SessionStatus.LOCKED_FAILED);
        a.gate().open();

        await(() -> centralPreparations.lockedFormulas()
            .stream()
            .anyMatch(lock -> lock.formulaCode().equals("COS00217")), "central locks the formula");
        await(() -> b.preparations().lockedFormulas().stream().anyMatch(lock -> lock.formulaCode().equals("COS00217")),
                "the other station locks it");
        assertThatThrownBy(() -> b.preparations()
            .startOrResume(new StartPreparation(FormulaCode.of("COS00217"), TECHNICIAN, null, null)))
            .isInstanceOf(FormulaLocked.class);
        assertThat(formulaEvents(a, "COS00217")).containsExactly("FORMULA_LOCKED");
        // and a release at central frees it there too
        centralPreparations.releaseLock(FormulaCode.of("COS00217"), Actor.withRole("lablead", Role.LAB_LEAD),
                "lablead123", "investigated: the balance was fine");
        await(() -> b.preparations().lockedFormulas().isEmpty(), "the release reaches the other station");
        await(() -> a.preparations().lockedFormulas().isEmpty(), "and the station where it was made");
        assertThat(formulaEvents(a, "COS00217")).containsExactly("FORMULA_LOCKED", "FORMULA_LOCK_RELEASED_AT_CENTRAL");
    }

    @Test
    @Order(4)
    void aVersionRetiredAtCentralWhileTheStationWasAwayTurnsItsLaterPreparationServerRejected() throws Exception {
        b.gate().shut();
        centralFormulas.retire(ADMIN, FormulaCode.of("PRM01204"), 1, "replaced by a new recipe");
        PreparationSession made = started(b, "PRM01204");
        b.preparations().scanContainer(made.id(), 1, made.steps().get(0).requiredCodeValue(), TECHNICIAN);
        b.gate().open();

        await(() -> b.preparations().get(made.id()).status() == SessionStatus.SERVER_REJECTED,
                "the station marks it server_rejected");
        PreparationSession rejected = b.preparations().get(made.id());
        assertThat(rejected.endReason()).contains("Version 1 of PRM01204 was retired at central")
            .contains("replaced by a new recipe");
        // read-only, its bench free, and the record says so
        assertThatThrownBy(() -> b.preparations().scanContainer(made.id(), 2, "anything", TECHNICIAN))
            .isInstanceOf(ActionRefused.class);
        assertThat(stationEvents(b, made.id())).anyMatch(event -> event.contains(" SESSION_REJECTED "));
        await(() -> b.sync().status().orElseThrow().waiting() == 0, "the rejection's own event sent");
        assertThat(centralPreparations.get(made.id()).status()).isEqualTo(SessionStatus.SERVER_REJECTED);
        // central's decision is sealed in a chain of its own, and on the record
        assertThat(centralTrail.forSession(made.id().value()))
            .anyMatch(event -> event.action().equals("PREPARATION_REFUSED") && event.chain().startsWith("central:")
                    && event.payload().contains("replaced by a new recipe"));
        var verification = centralTrail.verifySession(made.id().value());
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        // and the station has since taken central's data: no new start on the retired
        // version
        var catalogAtB = b.context().getBean(prepbench.formulas.FormulaCatalog.class);
        await(() -> catalogAtB.get(FormulaCode.of("PRM01204")).releasedVersionNo() == null,
                "the station knows the version is retired");
        assertThatThrownBy(() -> started(b, "PRM01204")).isInstanceOf(NoReleasedVersion.class);
    }

    @Test
    @Order(5)
    void workSignedByAnAccountDisabledAtCentralBeforeIsRejected() throws Exception {
        a.gate().shut();
        centralAccounts.disable("admin", "lablead");
        PreparationSession made = started(a, "PRM00936");
        a.preparations().scanContainer(made.id(), 1, DemoLabels.PRM00936.get("ING-ETH-001"), TECHNICIAN);
        a.preparations()
            .enterWeightManually(made.id(), 1, made.steps().get(0).targetG(), "balance broken", "lablead123", true,
                    LAB_LEAD);
        a.gate().open();

        await(() -> a.preparations().get(made.id()).status() == SessionStatus.SERVER_REJECTED,
                "the station marks it server_rejected");
        assertThat(a.preparations().get(made.id()).endReason()).contains("The account lablead was disabled at central");
        assertThat(centralPreparations.get(made.id()).status()).isEqualTo(SessionStatus.SERVER_REJECTED);
        // the station's copy of the account follows central's
        await(() -> !a.jdbc().sql("SELECT enabled FROM users WHERE username = 'lablead'").query(Boolean.class).single(),
                "the account disabled at the station");
        centralAccounts.enable("admin", "lablead");
    }

    @Test
    @Order(6)
    void aStationClockFarFromCentralsIsFlaggedOnTheRecord() throws Exception {
        PreparationSession made = started(b, "PRM00936");
        await(() -> b.sync().status().orElseThrow().waiting() == 0, "the start sent");
        b.preparations().scanContainer(made.id(), 1, DemoLabels.PRM00936.get("ING-ETH-001"), TECHNICIAN);
        b.gate().shut();
        List<Map<String, Object>> all = events(b, made.id());
        // as a station whose clock is ten minutes ahead sends it
        send(b, List.of(all.get(all.size() - 1)), Instant.now().plus(Duration.ofMinutes(10)));
        Long offset = centralPreparations.get(made.id()).origin().clockOffsetMs();
        assertThat(offset).isBetween(Duration.ofMinutes(10).minusSeconds(5).toMillis(),
                Duration.ofMinutes(10).plusSeconds(5).toMillis());
        assertThat(a.sync().flagged(offset)).isTrue();
        assertThat(a.sync().flagged(1_000L)).isFalse();
        b.gate().open();
        b.preparations().abort(made.id(), "test over", TECHNICIAN);
    }

    @Test
    @Order(7)
    void aStationRefusesChangesCentralMakesAndStopsStartingOnACopyOlderThanItMayBe() throws Exception {
        // what central manages is changed there
        HttpResponse<String> edit = stationPost(a, "/api/v1/ingredients", "admin", "admin123", "{}");
        assertThat(edit.statusCode()).isEqualTo(422);
        assertThat(edit.body()).contains("MANAGED_CENTRALLY").contains("http://127.0.0.1:" + a.gate().port());
        HttpResponse<String> password = stationPost(a, "/api/v1/me/password", "technician", "tech123", "{}");
        assertThat(password.body()).contains("MANAGED_CENTRALLY");

        // a station that may prepare on a copy two seconds old, past that age
        Station c = station("line-c", "--prepbench.sync.cache-max-age=2s");
        String start = "{\"formulaCode\":\"PRM00936\"}";
        HttpResponse<String> fresh = stationPost(c, "/api/v1/preparations", "technician", "tech123", start);
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(201);
        String id = json.readTree(fresh.body()).get("id").asString();
        c.gate().shut();
        Thread.sleep(3_000);
        assertThat(c.sync().status().orElseThrow().copyTooOld()).isTrue();
        HttpResponse<String> stale = stationPost(c, "/api/v1/preparations", "technician", "tech123",
                "{\"formulaCode\":\"COS00217\"}");
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("COPY_TOO_OLD");
        // the preparation in progress goes on
        c.preparations()
            .scanContainer(new SessionId(UUID.fromString(id)), 1, DemoLabels.PRM00936.get("ING-ETH-001"), TECHNICIAN);
        c.gate().open();
        await(() -> !c.sync().status().orElseThrow().copyTooOld(), "a fresh copy once central is back");
        assertThat(stationPost(c, "/api/v1/preparations", "technician", "tech123", "{\"formulaCode\":\"COS00217\"}")
            .statusCode()).isEqualTo(201);
    }

    @Test
    @Order(8)
    void centralAnswersWhatIsNoBatchOrNoStationWithAProblemAndKeepsNothing() throws Exception {
        UUID nobody = UUID.randomUUID();
        long events = central.sql("SELECT COUNT(*) FROM audit_event WHERE chain = 'formula:PRM00936'")
            .query(Long.class)
            .single();
        // no token, a person's credentials, an API token's shape: not a station
        assertThat(centralPost(null, "{}").statusCode()).isEqualTo(401);
        assertThat(http
            .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/central/reference"))
                .header("Authorization", basic("admin", "admin123"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(401);
        assertThat(centralPost("pbt_" + "x".repeat(40), "{}").statusCode()).isEqualTo(401);
        assertThat(centralPost(auth(a).replace(".st-", ".st-0"), "{}").statusCode()).isEqualTo(401);
        // the token itself never travels: a request carrying it is not a station's
        assertThat(centralPost(a.token(), "{}").statusCode()).isEqualTo(401);
        // a body that is no batch
        HttpResponse<String> garbage = centralPost(auth(a), "{\"events\": [");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(garbage.body()).doesNotContain("Exception");
        // events that are no preparation's, or lack what identifies them
        HttpResponse<String> strange = centralPost(auth(a), """
                {"sentAt": "2026-12-01T00:00:00Z", "events": [
                  {"chain": "formula:PRM00936", "seq": 1, "action": "FORMULA_LOCKED", "payload": "{}"},
                  {"chain": "session:%s", "seq": 1},
                  null
                ]}""".formatted(nobody));
        assertThat(strange.statusCode()).as(strange.body()).isEqualTo(200);
        JsonNode answer = json.readTree(strange.body());
        assertThat(answer.get("chains")).hasSize(2);
        assertThat(answer.at("/chains/0/problem").asString()).contains("only a preparation's events");
        assertThat(answer.at("/chains/1/problem").asString()).contains("only a preparation's events");
        // an event without its place in its chain is no event
        assertThat(centralPost(auth(a), "{\"events\": [{\"chain\": \"session:x\"}]}").statusCode()).isEqualTo(400);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE chain = 'formula:PRM00936'")
            .query(Long.class)
            .single()).isEqualTo(events);
        assertThat(central.sql("SELECT COUNT(*) FROM audit_event WHERE session_id = :id")
            .param("id", nobody)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    @Order(9)
    void aStationWritesOnlyTheTablesAndColumnsItCopies() throws Exception {
        ReferenceData reference = b.context().getBean(ReferenceData.class);
        Wire.Reference fromCentral = context(ReferenceData.class).export("line-b");
        assertThat(fromCentral.tables()).containsKeys("formula", "users");
        assertThat(fromCentral.tables().get("users").columns()).contains("password")
            .doesNotContain("failed_attempts", "locked_until");
        long formulas = b.jdbc().sql("SELECT COUNT(*) FROM formula").query(Long.class).single();

        var tables = new java.util.LinkedHashMap<>(fromCentral.tables());
        Wire.Table formula = tables.get("formula");
        List<String> columns = new ArrayList<>(formula.columns());
        columns.set(0, "id = id; DELETE FROM formula; --");
        tables.put("formula", new Wire.Table(columns, formula.kinds(), formula.rows()));
        assertThatThrownBy(() -> reference.apply(new Wire.Reference(Instant.now(), tables, fromCentral.locks())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("does not copy");
        tables.remove("formula");
        assertThatThrownBy(() -> reference.apply(new Wire.Reference(Instant.now(), tables, fromCentral.locks())))
            .hasMessageContaining("no table formula");
        assertThat(b.jdbc().sql("SELECT COUNT(*) FROM formula").query(Long.class).single()).isEqualTo(formulas);
    }

    @Test
    @Order(10)
    void aStationWhoseKeyWasStolenCannotPassOffAWeightOutsideCentralsLimitsOrAnUnfinishedCompletion() throws Exception {
        // what a thief with the station's token could seal: central plans the steps again
        // and checks
        UUID lie = UUID.randomUUID();
        Forger forger = new Forger(a.token(), lie);
        JsonNode weight = send(a, List.of(forger.next("SESSION_STARTED", null, """
                {"attemptNo":1,"versionNo":1,"amount":"100","unit":"g","batchMassG":"100","steps":8,"bench":"x"}"""),
                forger.next("WEIGHT_ENTERED_MANUALLY", 1, """
                        {"grams":"500","stable":true,"stepStatus":"ok","manualReason":"trust me"}""")), Instant.now());
        assertThat(weight.at("/chains/0/rejected").asString()).contains("the station recorded 500 g as ok")
            .contains("central's limits are");
        assertThat(centralPreparations.get(new SessionId(lie)).status()).isEqualTo(SessionStatus.SERVER_REJECTED);

        UUID unfinished = UUID.randomUUID();
        Forger early = new Forger(a.token(), unfinished);
        JsonNode completed = send(a, List.of(early.next("SESSION_STARTED", null, """
                {"attemptNo":2,"versionNo":1,"amount":"100","unit":"g","batchMassG":"100","steps":8,"bench":"x"}"""),
                early.next("SESSION_COMPLETED", null, "{\"oldStatus\":\"in_progress\",\"newStatus\":\"completed\"}")),
                Instant.now());
        assertThat(completed.at("/chains/0/rejected").asString()).contains("not every step was weighed");
        assertThat(centralPreparations.get(new SessionId(unfinished)).status())
            .isEqualTo(SessionStatus.SERVER_REJECTED);
        // neither counts toward the formula's failures or its lock
        assertThat(centralPreparations.lockedFormulas()).noneMatch(lock -> lock.formulaCode().equals("PRM00936"));
    }

    @Test
    @Order(11)
    void aRevokedStationIsAnsweredNoMoreAndItsRevocationIsOnRecord() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations"))
            .header("Authorization", basic("admin", "admin123"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"stolen-pc\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        String authentication = prepbench.audit.StationKeys
            .authenticationOf(json.readTree(created.body()).get("token").asString());
        assertThat(centralPost(authentication, "{\"events\": []}").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = http
            .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/stolen-pc"))
                .header("Authorization", basic("admin", "admin123"))
                .DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(json.readTree(revoked.body()).get("revokedBy").asString()).isEqualTo("admin");
        assertThat(centralPost(authentication, "{\"events\": []}").statusCode()).isEqualTo(401);
        // once only; and the lab lead may not
        assertThat(http
            .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/stolen-pc"))
                .header("Authorization", basic("admin", "admin123"))
                .DELETE()
                .build(), HttpResponse.BodyHandlers.ofString())
            .body()).contains("NO_SUCH_STATION");
        assertThat(http
            .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/line-a"))
                .header("Authorization", basic("lablead", "lablead123"))
                .DELETE()
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(403);
        assertThat(central.sql("SELECT action FROM audit_event WHERE chain = 'station:stolen-pc' ORDER BY seq")
            .query(String.class)
            .list()).containsExactly("STATION_REGISTERED", "STATION_REVOKED");
    }

    @Test
    @Order(12)
    void aPreparationStartedWhileCentralHadTheFormulaLockedIsRefusedEvenAfterTheRelease() throws Exception {
        b.gate().shut();
        // an over-dispense at central locks the formula there
        PreparationSession atCentral = centralPreparations
            .startOrResume(new StartPreparation(FormulaCode.of("COS00217"), TECHNICIAN, null, null))
            .session();
        Step first = atCentral.steps().get(0);
        centralPreparations.scanContainer(atCentral.id(), 1, first.requiredCodeValue(), TECHNICIAN);
        centralPreparations.enterWeightManually(atCentral.id(), 1, first.upperLimitG().multiply(new BigDecimal(2)),
                "poured too much", "lablead123", true, LAB_LEAD);
        // the station, away, does not know: it starts the formula while it is locked at
        // central (well inside the lock: the station's times are corrected by its
        // measured
        // clock offset, which holds the network's delay too)
        Thread.sleep(300);
        PreparationSession made = started(b, "COS00217");
        Thread.sleep(300);
        // and central releases the lock before the station is back
        centralPreparations.releaseLock(FormulaCode.of("COS00217"), LAB_LEAD, "lablead123", "investigated");
        assertThat(centralPreparations.lockedFormulas()).noneMatch(lock -> lock.formulaCode().equals("COS00217"));
        b.gate().open();

        await(() -> b.preparations().get(made.id()).status() == SessionStatus.SERVER_REJECTED,
                "the station marks it server_rejected");
        assertThat(b.preparations().get(made.id()).endReason()).contains("COS00217 was locked at central")
            .contains("until");
    }

    @Test
    @Order(13)
    void aStationHasOnlyTheAccountsAllowedAtItAndCentralRefusesWorkUnderAnAccountTakenOff() throws Exception {
        // the registration gave the station its first list
        assertThat(stationChain("line-b")).containsExactly("STATION_REGISTERED", "STATION_ACCOUNTS_CHANGED");
        // a name central has no account of: refused, nothing changed
        HttpResponse<String> unknown = accounts("line-b", "[\"technician\",\"lablead\",\"nobody-here\"]");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("UNKNOWN_ACCOUNT").contains("nobody-here");
        assertThat(stationChain("line-b")).containsExactly("STATION_REGISTERED", "STATION_ACCOUNTS_CHANGED");
        // the list given in place of the one the station had: admin taken off
        HttpResponse<String> given = accounts("line-b", "[\"technician\",\"lablead\"]");
        assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        assertThat(json.readTree(given.body()).get("accounts").toString()).isEqualTo("[\"lablead\",\"technician\"]");
        assertThat(context(ReferenceData.class).export("line-b").tables().get("users").rows())
            .extracting(row -> row.get(0))
            .containsExactly("lablead", "technician");
        assertThat(context(ReferenceData.class).export("line-b").tables().get("authorities").rows())
            .extracting(row -> row.get(0))
            .containsOnly("lablead", "technician");
        await(() -> !enabledAt(b, "admin"), "admin may not sign in at line-b any more");
        assertThat(stationPost(b, "/api/v1/preparations", "admin", "admin123", "{}").statusCode()).isEqualTo(401);
        // its role stays with it at the station, disabled: a name on the record still
        // reads as a role
        assertThat(
                b.jdbc().sql("SELECT authority FROM authorities WHERE username = 'admin'").query(String.class).list())
            .containsExactly("ROLE_ADMIN");
        assertThat(enabledAt(a, "admin")).isTrue();
        // a list left out, misspelt or with a blank name is no list: refused, nothing
        // changed
        for (String body : List.of("{}", "{\"account\":[\"technician\"]}", "{\"accounts\":null}",
                "{\"accounts\":[\"technician\",\" \"]}")) {
            HttpResponse<String> refused = http
                .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/line-b/accounts"))
                    .header("Authorization", basic("admin", "admin123"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(body).isEqualTo(422);
            assertThat(refused.body()).as(body).contains("INVALID_ACCOUNT_LIST");
        }
        assertThat(
                registered().stream().filter(one -> one.name().equals("line-b")).findFirst().orElseThrow().accounts())
            .containsExactly("lablead", "technician");
        assertThat(central.sql("SELECT payload FROM audit_event WHERE chain = 'station:line-b' ORDER BY seq DESC")
            .query(String.class)
            .list()
            .get(0)).contains("\"removed\":[\"admin\"]").contains("\"allowed\":[]");

        // the lab lead taken off while the station is away: what the station still lets
        // them sign is refused at central; the over-dispense they recorded happened all
        // the same, and locks the formula at central
        b.gate().shut();
        assertThat(accounts("line-b", "[\"technician\"]").statusCode()).isEqualTo(200);
        Thread.sleep(50);
        PreparationSession made = started(b, "PRM00936");
        Step first = made.steps().get(0);
        b.preparations().scanContainer(made.id(), 1, DemoLabels.PRM00936.get("ING-ETH-001"), TECHNICIAN);
        PreparationSession over = b.preparations()
            .enterWeightManually(made.id(), 1, first.upperLimitG().multiply(new BigDecimal(2)), "poured too much",
                    "lablead123", true, LAB_LEAD);
        assertThat(over.status()).isEqualTo(SessionStatus.LOCKED_FAILED);
        Instant signed = Instant.now();
        b.gate().open();
        await(() -> b.preparations().get(made.id()).status() == SessionStatus.SERVER_REJECTED,
                "the station marks it server_rejected");
        assertThat(b.preparations().get(made.id()).endReason())
            .contains("The account lablead was not allowed at station line-b");
        await(() -> !enabledAt(b, "lablead"), "the lab lead may not sign in at line-b any more");
        assertThat(centralPreparations.lockedFormulas()).anySatisfy(lock -> {
            assertThat(lock.formulaCode()).isEqualTo("PRM00936");
            assertThat(lock.reason()).contains("at station line-b, in a preparation central refused");
        });
        await(() -> b.sync().status().orElseThrow().waiting() == 0, "everything of it at central");
        Thread.sleep(1_500);
        assertThat(b.preparations().lockedFormulas()).anyMatch(lock -> lock.formulaCode().equals("PRM00936"));
        centralPreparations.releaseLock(FormulaCode.of("PRM00936"), LAB_LEAD, "lablead123", "balance checked");
        await(() -> b.preparations().lockedFormulas().isEmpty(), "the release reaches line-b");

        // put back: a new period from now; the technician was allowed all along
        assertThat(accounts("line-b", "[\"admin\",\"lablead\",\"technician\"]").statusCode()).isEqualTo(200);
        await(() -> enabledAt(b, "lablead") && enabledAt(b, "admin"), "both back at line-b");
        List<Instant[]> periods = central
            .sql("SELECT allowed_from, allowed_until FROM station_account WHERE station = 'line-b' "
                    + "AND username = 'lablead' ORDER BY allowed_from")
            .query((rs,
                    n) -> new Instant[] { rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                            rs.getObject(2, java.time.OffsetDateTime.class) == null ? null
                                    : rs.getObject(2, java.time.OffsetDateTime.class).toInstant() })
            .list();
        assertThat(periods).hasSize(2);
        Stations stations = context(Stations.class);
        assertThat(stations.allowedAt("line-b", "lablead", periods.get(0)[0])).isTrue();
        assertThat(stations.allowedAt("line-b", "lablead", periods.get(0)[1])).isFalse();
        assertThat(stations.allowedAt("line-b", "lablead", signed)).isFalse();
        assertThat(stations.allowedAt("line-b", "lablead", periods.get(1)[0])).isTrue();
        assertThat(stations.allowedAt("line-b", "lablead", Instant.now())).isTrue();
        assertThat(stations.allowedAt("line-b", "technician", signed)).isTrue();
        assertThat(stations.allowedAt("line-a", "lablead", signed)).isTrue();
        // a lab lead may not give a station its accounts; a revoked station has none to
        // give
        assertThat(http
            .send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/line-b/accounts"))
                .header("Authorization", basic("lablead", "lablead123"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accounts\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(403);
        assertThat(accounts("stolen-pc", "[]").body()).contains("NO_SUCH_STATION");
    }

    @Test
    @Order(14)
    void aStationsSignInPageSaysWhyNobodyCanSignInYetAndWhenCentralIsAway() throws Exception {
        // registered with no account (the issue's {"name"} alone), started while central
        // is out of reach
        Station empty = station("empty-pc", null, false);
        assertThat(signInPage(empty)).contains("data-note=\"NEVER_REACHED\"")
            .contains("has not reached its central PrepBench (http://127.0.0.1:" + empty.gate().port() + ")");
        empty.gate().open();
        await(() -> empty.sync().status().orElseThrow().lastRefreshAt() != null, "empty-pc takes central's data");
        assertThat(signInPage(empty)).contains("data-note=\"NO_ACCOUNTS\"")
            .contains("allows no account at this station");
        // given its accounts, they arrive and nothing stands in the way
        assertThat(accounts("empty-pc", "[\"technician\"]").statusCode()).isEqualTo(200);
        await(() -> !signInPage(empty).contains("station-note"), "the technician's account at empty-pc");
        assertThat(enabledAt(empty, "technician")).isTrue();
        assertThat(empty.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single()).isOne();
        // central away: signing in goes on, and the page says so
        empty.gate().shut();
        await(() -> signInPage(empty).contains("data-note=\"CENTRAL_AWAY\""), "central away on the sign-in page");
        assertThat(stationPost(empty, "/api/v1/preparations", "technician", "tech123", "{\"formulaCode\":\"PRM00936\"}")
            .statusCode()).isEqualTo(201);
        // central's own sign-in page has nothing of the kind
        HttpResponse<String> centralSignIn = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(centralSignIn.statusCode()).isEqualTo(200);
        assertThat(centralSignIn.body()).contains("name=\"password\"").doesNotContain("station-note");
    }

    @Test
    @Order(15)
    void anIdleStationCountsCentralReachableOnlyOnceCentralAnsweredIt() throws Exception {
        // a refresh every 30 s: between two, an idle station asks central nothing
        Station idle = station("idle-pc", "[\"technician\"]", false, "--prepbench.sync.refresh-every=30s");
        await(() -> signInPage(idle).contains("data-note=\"NEVER_REACHED\""), "idle-pc has not reached central");
        Thread.sleep(2_500);
        assertThat(idle.sync().status().orElseThrow().centralReachable()).isFalse();
        // the refresh that failed is tried again at the next try, not 30 s later
        idle.gate().open();
        await(() -> idle.sync().status().orElseThrow().lastRefreshAt() != null, "idle-pc takes central's data");
        assertThat(idle.sync().status().orElseThrow().centralReachable()).isTrue();
        assertThat(signInPage(idle)).doesNotContain("station-note");
    }

    private String signInPage(Station station) {
        String port = station.context().getEnvironment().getProperty("local.server.port");
        try {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("name=\"password\"");
            return page.body();
        }
        catch (java.io.IOException failed) {
            throw new IllegalStateException(failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private HttpResponse<String> accounts(String station, String names) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations/" + station + "/accounts"))
            .header("Authorization", basic("admin", "admin123"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"accounts\":" + names + "}"))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Stations.Station> registered() {
        return context(Stations.class).all(ADMIN);
    }

    private List<String> stationChain(String station) {
        return central.sql("SELECT action FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "station:" + station)
            .query(String.class)
            .list();
    }

    private static boolean enabledAt(Station station, String username) {
        return station.jdbc()
            .sql("SELECT enabled FROM users WHERE username = :username")
            .param("username", username)
            .query(Boolean.class)
            .single();
    }

    /**
     * Seals events as a station does, with the secret its token carries: what someone
     * holding a station's disk could do.
     */
    private static final class Forger {

        private final String keyId;

        private final javax.crypto.spec.SecretKeySpec key;

        private final UUID session;

        private long seq;

        private String previous = "0".repeat(64);

        Forger(String token, UUID session) {
            String[] parts = token.split("\\.");
            this.keyId = parts[1];
            this.key = new javax.crypto.spec.SecretKeySpec(Base64.getUrlDecoder().decode(parts[2]), "HmacSHA256");
            this.session = session;
        }

        Map<String, Object> next(String action, Integer step, String payload) throws Exception {
            seq++;
            String chain = "session:" + session;
            Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            String content = String.join("\n", previous, chain, at.toString(), "technician", action, session.toString(),
                    step == null ? "" : step.toString(), "PRM00936", payload.strip());
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            String hash = java.util.HexFormat.of()
                .formatHex(
                        mac.doFinal(String.join("\n", "prepbench-audit-v2", keyId, chain, Long.toString(seq), content)
                            .getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> event = new java.util.LinkedHashMap<>();
            event.put("chain", chain);
            event.put("seq", seq);
            event.put("prevHash", previous);
            event.put("hash", hash);
            event.put("keyId", keyId);
            event.put("at", at.toString());
            event.put("actor", "technician");
            event.put("action", action);
            event.put("sessionId", session.toString());
            event.put("step", step);
            event.put("formulaCode", "PRM00936");
            event.put("payload", payload.strip());
            previous = hash;
            return event;
        }

    }

    @Autowired
    org.springframework.context.ApplicationContext centralContext;

    private <T> T context(Class<T> type) {
        return centralContext.getBean(type);
    }

    /** What a station's requests carry. */
    private static String auth(Station station) {
        return prepbench.audit.StationKeys.authenticationOf(station.token());
    }

    private HttpResponse<String> centralPost(String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/central/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> stationPost(Station station, String path, String user, String password, String body)
            throws Exception {
        String port = station.context().getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", basic(user, password))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private Station station(String name, String... more) throws Exception {
        Station station = station(name, "[\"technician\",\"lablead\",\"admin\"]", true, more);
        assertThat(registered().stream().filter(one -> one.name().equals(name)).findFirst().orElseThrow().accounts())
            .containsExactly("admin", "lablead", "technician");
        await(() -> station.sync().status().orElseThrow().lastRefreshAt() != null, name + " takes central's data");
        return station;
    }

    /**
     * A station registered with these accounts (a JSON array, or null for none), started
     * with its gate to central open or shut.
     */
    private Station station(String name, String accounts, boolean open, String... more) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/stations"))
            .header("Authorization", basic("admin", "admin123"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"name\":\"" + name + "\"" + (accounts == null ? "" : ",\"accounts\":" + accounts) + "}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = json.readTree(created.body()).get("token").asString();
        TcpGate gate = new TcpGate(port);
        closing.add(gate);
        if (open) {
            gate.open();
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:" + name
                + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "--prepbench.sync.retry-max=1s"));
        List<String> settings = new ArrayList<>(
                StationSettings.of(name, balance.port(), "http://127.0.0.1:" + gate.port(), token));
        for (String setting : more) {
            // a setting given here in place of the test stations' own
            settings.removeIf(own -> own.startsWith(setting.substring(0, setting.indexOf('=') + 1)));
        }
        args.addAll(settings);
        args.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PrepBenchApplication.class)
            .run(args.toArray(String[]::new));
        closing.add(context);
        return new Station(name, context, gate, token);
    }

    private PreparationSession started(Station station, String formula) {
        return station.preparations()
            .startOrResume(new StartPreparation(FormulaCode.of(formula), TECHNICIAN, null, null))
            .session();
    }

    /** A preparation made with each weight typed in by the lab lead. */
    private PreparationSession prepareByHand(Station station, String formula,
            java.util.function.Function<Step, BigDecimal> grams) {
        PreparationSession session = started(station, formula);
        for (Step step : session.steps()) {
            station.preparations()
                .scanContainer(session.id(), step.sequence(),
                        DemoLabels.PRM00936.getOrDefault(step.requiredCodeValue(), step.requiredCodeValue()),
                        TECHNICIAN);
            session = station.preparations()
                .enterWeightManually(session.id(), step.sequence(), grams.apply(step), "offline test", "lablead123",
                        true, LAB_LEAD);
        }
        return session;
    }

    /** The preparation's events at the station, as seq, action and hash. */
    private static List<String> stationEvents(Station station, SessionId id) {
        return station.jdbc()
            .sql("SELECT seq, action, hash FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "session:" + id)
            .query((rs, n) -> rs.getLong("seq") + " " + rs.getString("action") + " " + rs.getString("hash"))
            .list();
    }

    private List<String> centralEvents(SessionId id) {
        return central.sql("SELECT seq, action, hash FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "session:" + id)
            .query((rs, n) -> rs.getLong("seq") + " " + rs.getString("action") + " " + rs.getString("hash"))
            .list();
    }

    /** The actions in the formula's chain of locks at the station. */
    private static List<String> formulaEvents(Station station, String code) {
        return station.jdbc()
            .sql("SELECT action FROM audit_event WHERE chain = :chain ORDER BY seq")
            .param("chain", "formula:" + code)
            .query(String.class)
            .list();
    }

    private long receipts(SessionId id) {
        return central.sql("SELECT COUNT(*) FROM sync_receipt WHERE chain = :chain")
            .param("chain", "session:" + id)
            .query(Long.class)
            .single();
    }

    /** The preparation's events at the station, as the relay sends them. */
    private List<Map<String, Object>> events(Station station, SessionId id) {
        return station.context()
            .getBean(prepbench.audit.StationTrail.class)
            .slice("session:" + id, 1, Long.MAX_VALUE)
            .stream()
            .map(event -> json.convertValue(Wire.Event.of(event), Map.class))
            .map(map -> (Map<String, Object>) map)
            .toList();
    }

    /** Sends events to central as the station would, with its token. */
    private JsonNode send(Station station, List<Map<String, Object>> events, Instant sentAt) throws Exception {
        String body = json.writeValueAsString(Map.of("sentAt", sentAt.toString(), "events", events));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/central/events"))
            .header("Authorization", "Bearer " + auth(station))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static void await(BooleanSupplier condition, String what) throws Exception {
        Eventually.await(condition::getAsBoolean, what, SOON);
    }

}
