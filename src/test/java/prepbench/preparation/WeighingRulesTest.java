package prepbench.preparation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import prepbench.access.Actor;
import prepbench.access.NotPermitted;
import prepbench.scales.Reading;
import prepbench.scales.ScaleState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static prepbench.preparation.FormulaBuilder.aFormula;

/**
 * The session's rules for scanning, weighing, failing and completing, without Spring or a
 * database.
 */
class WeighingRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-11-27");

    private static final Actor TINA = Actor.withRoles("tina", List.of("ROLE_TECHNICIAN"));

    private static final Actor LEE = Actor.withRoles("lee", List.of("ROLE_LAB_LEAD"));

    private static final Actor TOM = Actor.withRoles("tom", List.of("ROLE_TECHNICIAN"));

    /** Two steps: "a" 60 g ± 0.3 g and "b" 40 g ± 0.2 g, codes ING-A and ING-B. */
    private static PreparationSession aSession() {
        return SessionBuilder.aSession().startedAt(T0).build();
    }

    private static Reading stable(String grams) {
        return new Reading(new BigDecimal(grams), true, T0, ScaleState.OK);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private static final BigDecimal MIN_VESSEL = BigDecimal.ONE;

    /** The vessel on the pan, tared: what a weighing starts from. */
    private static void tare(PreparationSession session, String grams, int t) {
        session.recordTare(TINA, stable(grams), MIN_VESSEL, at(t));
    }

    private static void scanAndWeigh(PreparationSession session, int sequence, String code, String grams, int t) {
        session.identifyContainer(sequence, code, TINA, TODAY, at(t));
        tare(session, "52.317", t + 1);
        session.captureWeight(sequence, stable(grams), false, TINA, "bench-1", at(t + 2));
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        }
        catch (ActionRefused refused) {
            return refused.reason().name();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void onlyTheLowestPendingStepIsActive() {
        PreparationSession session = aSession();

        assertThat(session.activeStep()).get().extracting(Step::sequence).isEqualTo(1);
        assertThat(refusal(() -> session.identifyContainer(2, "ING-B", TINA, TODAY, at(1))))
            .isEqualTo("NOT_ACTIVE_STEP");
    }

    @Test
    void acceptsTheRightContainerAndRecordsWhatWasScanned() {
        PreparationSession session = aSession();

        session.identifyContainer(1, "  ing-a\r\n", TINA, TODAY, at(1));

        Step step = session.steps().get(0);
        assertThat(step.isIdentified()).isTrue();
        assertThat(step.scannedAt()).isEqualTo(at(1));
        assertThat(session.events()).singleElement().isInstanceOf(SessionEvents.ContainerScanned.class);
        assertThat(session.changedSteps()).containsExactly(step);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ING-B", "", "<script>", "x'; DROP TABLE preparation_step; --" })
    void refusesAWrongOrUnreadableContainerAndChangesNothing(String code) {
        PreparationSession session = aSession();

        assertThat(refusal(() -> session.identifyContainer(1, code, TINA, TODAY, at(1)))).isIn("WRONG_INGREDIENT",
                "UNREADABLE_LABEL");
        assertThat(session.steps().get(0).isIdentified()).isFalse();
        assertThat(session.events()).isEmpty();
    }

    @Test
    void refusesAWrongContainerNamingTheRightOne() {
        PreparationSession session = aSession();

        assertThatThrownBy(() -> session.identifyContainer(1, "ING-B", TINA, TODAY, at(1)))
            .hasMessageContaining("Wrong container")
            .hasMessageContaining("scan the container of a (ING-A)");
    }

    @Test
    void captureNeedsScanThenTheVesselTaredThenAStableReadingInsideTolerance() {
        PreparationSession session = aSession();
        assertThat(refusal(() -> session.captureWeight(1, stable("60"), false, TINA, "bench-1", at(1))))
            .isEqualTo("NOT_SCANNED");
        tare(session, "52.317", 9);
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(10));

        assertThat(refusal(() -> session.captureWeight(1, stable("60"), false, TINA, "bench-1", at(11))))
            .as("tared before the container was scanned")
            .isEqualTo("NOT_TARED");
        session.recordZero(TINA, stable("0.004"), at(11));
        assertThat(refusal(() -> session.captureWeight(1, stable("60"), false, TINA, "bench-1", at(11))))
            .as("a zero is no tare")
            .isEqualTo("NOT_TARED");
        assertThat(refusal(() -> tare(session, "0.004", 11))).as("an empty pan").isEqualTo("NO_VESSEL");
        assertThat(refusal(() -> session.recordTare(TINA,
                new Reading(new BigDecimal("52"), false, T0, ScaleState.UNSTABLE), MIN_VESSEL, at(11))))
            .isEqualTo("BALANCE_NOT_READY");
        assertThat(session.steps().get(0).tareG()).isNull();
        tare(session, "52.317", 11);

        assertThat(refusal(() -> session.captureWeight(1,
                new Reading(new BigDecimal("60"), false, T0, ScaleState.UNSTABLE), false, TINA, "bench-1", at(11))))
            .isEqualTo("UNSTABLE");
        assertThat(refusal(() -> session.captureWeight(1, Reading.offline(T0), false, TINA, "bench-1", at(11))))
            .isEqualTo("BALANCE_OFFLINE");
        assertThat(refusal(() -> session.captureWeight(1, new Reading(null, false, T0, ScaleState.OVERLOAD), false,
                TINA, "bench-1", at(11))))
            .isEqualTo("BALANCE_OVERLOAD");
        assertThat(refusal(() -> session.captureWeight(1, stable("59.699"), false, TINA, "bench-1", at(11))))
            .isEqualTo("UNDER_TARGET");

        session.captureWeight(1, stable("60.300"), false, TINA, "bench-1", at(12));

        Step step = session.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.OK);
        assertThat(step.capturedG()).isEqualByComparingTo("60.3");
        assertThat(step.tareG()).isEqualByComparingTo("52.317");
        assertThat(step.stable()).isTrue();
        assertThat(step.balance()).isEqualTo("bench-1");
        assertThat(session.activeStep()).get().extracting(Step::sequence).isEqualTo(2);
    }

    @Test
    void aLotRequiredIngredientScannedWithoutLotIsWeighedOnlyOnceItsLotAndExpiryAreTyped() {
        PreparationSession session = SessionBuilder.aSession()
            .of(aFormula().withLotRequiredLine("oil", "1"))
            .grams("10")
            .startedAt(T0)
            .build();
        session.identifyContainer(1, "ING-OIL", TINA, TODAY, at(1));
        tare(session, "52.317", 2);

        assertThat(session.steps().get(0).needsLot()).isTrue();
        assertThat(refusal(() -> session.captureWeight(1, stable("10"), false, TINA, "bench-1", at(3))))
            .isEqualTo("LOT_REQUIRED");
        assertThat(
                refusal(() -> session.enterWeightManually(1, new BigDecimal("10"), "x", true, () -> true, LEE, at(3))))
            .isEqualTo("LOT_REQUIRED");
        assertThat(refusal(() -> session.recordLot(1, " ", LocalDate.parse("2030-01-31"), TINA, TODAY, at(4))))
            .isEqualTo("LOT_REQUIRED");
        assertThat(refusal(() -> session.recordLot(1, "L7", null, TINA, TODAY, at(4)))).isEqualTo("LOT_REQUIRED");
        assertThat(refusal(() -> session.recordLot(1, "L7", TODAY.minusDays(1), TINA, TODAY, at(4))))
            .isEqualTo("EXPIRED");

        session.recordLot(1, " L7 ", LocalDate.parse("2030-01-31"), TINA, TODAY, at(4));
        assertThat(session.steps().get(0).lot()).isEqualTo("L7");
        assertThat(session.steps().get(0).needsLot()).isFalse();
        assertThat(session.events()).last().isInstanceOf(SessionEvents.LotEntered.class);
        session.captureWeight(1, stable("10"), false, TINA, "bench-1", at(5));
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void anIngredientThatDoesNotRequireALotIsWeighedWithoutOne() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(1));
        assertThat(session.steps().get(0).needsLot()).isFalse();
    }

    @Test
    void anEmptyBeakerPutOnAZeroedPanIsNeverWeighedAsProduct() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(10));
        session.recordZero(TINA, stable("0.000"), at(11));

        assertThat(refusal(() -> session.captureWeight(1, stable("60.000"), false, TINA, "bench-1", at(12))))
            .isEqualTo("NOT_TARED");
        assertThat(session.events()).last().isInstanceOf(SessionEvents.BalanceZeroed.class);
    }

    @Test
    void everyStepIsTaredAgainAndKeepsWhatItsTareTookAway() {
        PreparationSession session = aSession();
        scanAndWeigh(session, 1, "ING-A", "60", 1);
        session.identifyContainer(2, "ING-B", TINA, TODAY, at(10));

        assertThat(refusal(() -> session.captureWeight(2, stable("40"), false, TINA, "bench-1", at(11))))
            .as("the tare of step 1 does not carry over")
            .isEqualTo("NOT_TARED");
        tare(session, "60.000", 11);
        session.captureWeight(2, stable("40"), false, TINA, "bench-1", at(12));

        assertThat(session.steps().get(1).tareG()).isEqualByComparingTo("60");
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void onlyTheFirstTareNeedsTheVesselALaterOneNeedsNothingTakenOff() {
        PreparationSession session = SessionBuilder.aSession()
            .of(aFormula().withLine("trace", "0.005", null).withLine("main", "0.995", null))
            .grams("100")
            .startedAt(T0)
            .build();
        session.identifyContainer(1, "ING-TRACE", TINA, TODAY, at(1));
        assertThat(refusal(() -> tare(session, "0.500", 2))).as("no vessel yet").isEqualTo("NO_VESSEL");
        tare(session, "52.317", 2);
        session.captureWeight(1, stable("0.500"), false, TINA, "bench-1", at(3));
        session.identifyContainer(2, "ING-MAIN", TINA, TODAY, at(4));

        assertThat(refusal(() -> tare(session, "-52.817", 5))).as("the vessel taken off").isEqualTo("NO_VESSEL");
        tare(session, "0.500", 5);

        assertThat(session.steps().get(1).tareG()).isEqualByComparingTo("0.5");
        session.captureWeight(2, stable("99.5"), false, TINA, "bench-1", at(6));
        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void aTareKeptWithTheSessionCountsAsAfterARestart() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(10));
        PreparationSession reloaded = session.withTaredAt(at(11));

        reloaded.captureWeight(1, stable("60"), false, TINA, "bench-1", at(12));

        assertThat(reloaded.steps().get(0).status()).isEqualTo(StepStatus.OK);
    }

    @Test
    void nothingOnThePanIsNeverCapturedEvenWhenTheToleranceReachesZero() {
        PreparationSession session = SessionBuilder.aSession()
            .of(aFormula().withLine("main", "0.99", null).withLine("trace", "0.01", null))
            .grams("0.5")
            .startedAt(T0)
            .build();
        scanAndWeigh(session, 1, "ING-MAIN", "0.495", 1);
        session.identifyContainer(2, "ING-TRACE", TINA, TODAY, at(10));
        tare(session, "52.812", 11);

        assertThat(session.steps().get(1).lowerLimitG().signum()).isNegative();
        assertThat(refusal(() -> session.captureWeight(2, stable("0.000"), false, TINA, "bench-1", at(12))))
            .isEqualTo("UNDER_TARGET");
    }

    @Test
    void refusesAReasonLongerThanTheRecordKeeps() {
        PreparationSession session = aSession();

        assertThat(refusal(() -> session.abort("x".repeat(501), TINA, at(1)))).isEqualTo("REASON_TOO_LONG");
        assertThat(session.status()).isEqualTo(SessionStatus.IN_PROGRESS);
    }

    @Test
    void aDoneStepCannotBeCapturedAgain() {
        PreparationSession session = aSession();
        scanAndWeigh(session, 1, "ING-A", "60", 1);

        assertThat(refusal(() -> session.captureWeight(1, stable("60"), false, TINA, "bench-1", at(6))))
            .isEqualTo("STEP_DONE");
    }

    @Test
    void anOverTargetReadingIsRecordedOnlyOnceConfirmedAndTheRefusalSaysWhatItWouldDo() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(1));
        tare(session, "52.317", 1);

        assertThatThrownBy(() -> session.captureWeight(1, stable("60.301"), false, TINA, "bench-1", at(3)))
            .isInstanceOfSatisfying(ActionRefused.class, refused -> {
                assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.OVER_TARGET);
                assertThat(refused.getMessage()).contains("60.301 g is over the upper limit", "at most 60.300 g",
                        "fails this attempt", "Confirm");
            });
        assertThat(session.status()).isEqualTo(SessionStatus.IN_PROGRESS);
        assertThat(session.steps().get(0).isPending()).isTrue();
        assertThat(session.events()).noneMatch(event -> event instanceof SessionEvents.WeightCaptured);
        // a confirmation changes nothing for a reading inside the tolerance
        session.captureWeight(1, stable("60.000"), true, TINA, "bench-1", at(4));
        assertThat(session.steps().get(0).status()).isEqualTo(StepStatus.OK);
    }

    @Test
    void overDispenseFailsTheStepAndLocksTheSession() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(1));
        tare(session, "52.317", 1);

        session.captureWeight(1, stable("60.301"), true, TINA, "bench-1", at(3));

        assertThat(session.status()).isEqualTo(SessionStatus.LOCKED_FAILED);
        assertThat(session.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(session.steps().get(0).failureReason()).isEqualTo("OVER_DISPENSE");
        assertThat(session.endedAt()).isEqualTo(at(3));
        assertThat(session.endReason()).contains("Over-dispense at step 1").contains("60.301 g");
        assertThat(session.activeStep()).isEmpty();
        assertThat(refusal(() -> session.identifyContainer(2, "ING-B", TINA, TODAY, at(4))))
            .isEqualTo("NOT_IN_PROGRESS");
        assertThat(session.events()).last().isInstanceOf(SessionEvents.SessionFailed.class);
    }

    @Test
    void lastStepInsideToleranceCompletesTheSession() {
        PreparationSession session = aSession();
        scanAndWeigh(session, 1, "ING-A", "60", 1);
        scanAndWeigh(session, 2, "ING-B", "39.8", 10);

        assertThat(session.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(session.endedAt()).isEqualTo(at(12));
        assertThat(session.events()).last()
            .isInstanceOfSatisfying(SessionEvents.SessionCompleted.class,
                    completed -> assertThat(completed.steps()).extracting(Step::status).containsOnly(StepStatus.OK));
        assertThat(refusal(() -> session.abort("late", TINA, at(20)))).isEqualTo("NOT_IN_PROGRESS");
    }

    @Test
    void refusesAnExpiredLot() {
        var formula = aFormula().withLine("a", "1", null).build();
        var line = formula.lines().get(0);
        var gs1Line = new prepbench.formulas.ReleasedFormula.Line(1, line.ingredientId(), "LIN", "Linalool",
                line.fraction(), null, null, "09506000134352", List.of(), "", "gs1", false);
        var gs1Formula = new prepbench.formulas.ReleasedFormula(formula.formulaId(), formula.code(), formula.name(),
                formula.versionId(), 1, formula.defaultAmount(), formula.defaultUnit(), List.of(gs1Line));
        PreparationSession session = SessionBuilder.aSession().of(gs1Formula).grams("10").startedAt(T0).build();

        assertThatThrownBy(
                () -> session.identifyContainer(1, "(01)09506000134352(17)261126(10)OLD1", TINA, TODAY, at(1)))
            .isInstanceOfSatisfying(ActionRefused.class,
                    refused -> assertThat(refused.reason()).isEqualTo(ActionRefused.Reason.EXPIRED))
            .hasMessageContaining("Lot OLD1")
            .hasMessageContaining("expired on 2026-11-26");

        session.identifyContainer(1, "]C1(01)09506000134352(17)261127(10)NEW2", TINA, TODAY, at(2));
        assertThat(session.steps().get(0).lot()).isEqualTo("NEW2");
        assertThat(session.steps().get(0).expiry()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(session.steps().get(0).symbology()).isEqualTo("C1");
    }

    @Test
    void manualEntryNeedsItsPermissionAReasonASensibleWeightAndTheSignatureCheckedLast() {
        PreparationSession session = aSession();
        session.identifyContainer(1, "ING-A", TINA, TODAY, at(1));
        java.util.concurrent.atomic.AtomicInteger passwordChecks = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.BooleanSupplier wrong = () -> passwordChecks.incrementAndGet() < 0;
        java.util.function.BooleanSupplier right = () -> passwordChecks.incrementAndGet() > 0;

        assertThatThrownBy(
                () -> session.enterWeightManually(1, new BigDecimal("60"), "balance broken", true, right, TINA, at(2)))
            .isInstanceOf(NotPermitted.class);
        assertThat(refusal(() -> session.enterWeightManually(1, new BigDecimal("60"), " ", true, right, LEE, at(2))))
            .isEqualTo("REASON_REQUIRED");
        assertThatThrownBy(() -> session.enterWeightManually(1, new BigDecimal("-1"), "x", true, right, LEE, at(2)))
            .hasMessageStartingWith("Enter a weight of more than zero grams");
        assertThatThrownBy(() -> session.enterWeightManually(1, new BigDecimal("1E+9"), "x", true, right, LEE, at(2)))
            .hasMessageContaining("1000000000.000 g is more than ten times the whole batch (100.000 g)");
        assertThatThrownBy(() -> session.enterWeightManually(1, null, "x", true, right, LEE, at(2)))
            .hasMessageStartingWith("Enter the weight in grams as a number");
        assertThat(refusal(() -> session.enterWeightManually(1, new BigDecimal("60"), "x", false, right, LEE, at(2))))
            .isEqualTo("MEANING_REQUIRED");
        assertThat(passwordChecks).as("no password checked for a request refused for anything else").hasValue(0);
        assertThat(refusal(() -> session.enterWeightManually(1, new BigDecimal("60"), "x", true, wrong, LEE, at(2))))
            .isEqualTo("WRONG_PASSWORD");
        assertThat(session.steps().get(0).isPending()).isTrue();

        session.enterWeightManually(1, new BigDecimal("60.1"), "balance display broken", true, right, LEE, at(3));

        Step step = session.steps().get(0);
        assertThat(step.manual()).isTrue();
        assertThat(step.manualReason()).isEqualTo("balance display broken");
        assertThat(step.status()).isEqualTo(StepStatus.OK);
        assertThat(session.hasManualEntries()).isTrue();
        assertThat(session.events()).last()
            .isInstanceOfSatisfying(SessionEvents.WeightCaptured.class,
                    captured -> assertThat(captured.signatureMeaning()).isEqualTo(PreparationSession.MANUAL_MEANING));
    }

    @Test
    void abortNeedsAReasonAndFailsTheSession() {
        PreparationSession session = aSession();

        assertThat(refusal(() -> session.abort("", TINA, at(1)))).isEqualTo("REASON_REQUIRED");
        session.abort("spilled the alcohol", TINA, at(2));

        assertThat(session.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(session.endReason()).isEqualTo("spilled the alcohol");
    }

    @Test
    void anotherTechnicianCannotWorkOnTheSessionButALabLeadCan() {
        PreparationSession session = aSession();

        assertThat(refusal(() -> session.identifyContainer(1, "ING-A", TOM, TODAY, at(1))))
            .isEqualTo("NOT_YOUR_SESSION");
        assertThat(refusal(() -> session.abort("not mine", TOM, at(1)))).isEqualTo("NOT_YOUR_SESSION");
        session.identifyContainer(1, "ING-A", LEE, TODAY, at(2));
        assertThat(session.steps().get(0).isIdentified()).isTrue();
    }

}
