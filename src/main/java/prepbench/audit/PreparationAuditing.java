package prepbench.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.preparation.SessionEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the preparation module's events. Listeners are synchronous, so each event is
 * written in the transaction that made the change; if the change rolls back, so does its
 * record.
 */
@Component
class PreparationAuditing {

    private final AuditEvents events;

    private final JsonMapper json;

    private final SignatureManifest signatures;

    PreparationAuditing(AuditEvents events, JsonMapper json, SignatureManifest signatures) {
        this.events = events;
        this.json = json;
        this.signatures = signatures;
    }

    @EventListener
    void on(SessionEvents.SessionStarted started) {
        session(started.at(), started.operator(), "SESSION_STARTED", started.sessionId(), null, started.formulaCode(),
                payload("attemptNo", started.attemptNo(), "versionNo", started.versionNo(), "amount",
                        plain(started.amount()), "unit", started.unit(), "batchMassG", plain(started.batchMassG()),
                        "steps", started.stepCount(), "bench", started.bench()));
    }

    @EventListener
    void on(SessionEvents.SessionResumed resumed) {
        session(resumed.at(), resumed.operator(), "SESSION_RESUMED", resumed.sessionId(), null, resumed.formulaCode(),
                resumed.movedFrom() == null ? payload("attemptNo", resumed.attemptNo(), "bench", resumed.bench())
                        : payload("attemptNo", resumed.attemptNo(), "bench", resumed.bench(), "movedFrom",
                                resumed.movedFrom()));
    }

    @EventListener
    void on(SessionEvents.ContainerScanned scanned) {
        session(scanned.at(), scanned.operator(), "CONTAINER_SCANNED", scanned.sessionId(), scanned.sequence(),
                scanned.formulaCode(), payload("code", scanned.codeValue(), "symbology", scanned.symbology(), "lot",
                        scanned.lot(), "expiry", scanned.expiry() == null ? null : scanned.expiry().toString()));
    }

    @EventListener
    void on(SessionEvents.LotEntered entered) {
        session(entered.at(), entered.operator(), "LOT_ENTERED", entered.sessionId(), entered.sequence(),
                entered.formulaCode(), payload("lot", entered.lot(), "expiry", entered.expiry().toString()));
    }

    @EventListener
    void on(SessionEvents.BalanceZeroed zeroed) {
        session(zeroed.at(), zeroed.operator(), "BALANCE_ZEROED", zeroed.sessionId(), zeroed.sequence(),
                zeroed.formulaCode(), payload("bench", zeroed.bench(), "gramsRemoved", plain(zeroed.gramsRemoved())));
    }

    @EventListener
    void on(SessionEvents.BalanceTared tared) {
        session(tared.at(), tared.operator(), "BALANCE_TARED", tared.sessionId(), tared.sequence(), tared.formulaCode(),
                payload("bench", tared.bench(), "gramsRemoved", plain(tared.gramsRemoved())));
    }

    @EventListener
    void on(SessionEvents.WeightCaptured captured) {
        session(captured.at(), captured.operator(), captured.manual() ? "WEIGHT_ENTERED_MANUALLY" : "WEIGHT_CAPTURED",
                captured.sessionId(), captured.sequence(), captured.formulaCode(),
                payload("grams", plain(captured.grams()), "stable", captured.stable(), "targetG",
                        plain(captured.targetG()), "lowerLimitG", plain(captured.lowerLimitG()), "upperLimitG",
                        plain(captured.upperLimitG()), "stepStatus", captured.stepStatus(), "failureReason",
                        captured.failureReason(), "manualReason", captured.manualReason(), "signedBy",
                        captured.manual() ? captured.operator() : null, "signatureMeaning", captured.signatureMeaning(),
                        "scale", captured.balance(), "signature",
                        captured.manual()
                                ? signatures.of(captured.operator(), captured.at(), captured.signatureMeaning(),
                                        String.join("\n", "manual-weight", captured.sessionId().toString(),
                                                Integer.toString(captured.sequence()), plain(captured.grams()),
                                                captured.manualReason()))
                                : null));
    }

    @EventListener
    void on(SessionEvents.SessionCompleted completed) {
        session(completed.at(), completed.operator(), "SESSION_COMPLETED", completed.sessionId(), null,
                completed.formulaCode(), payload("oldStatus", "in_progress", "newStatus", "completed"));
    }

    @EventListener
    void on(SessionEvents.SessionFailed failed) {
        session(failed.at(), failed.operator(), failed.status().equals("failed") ? "SESSION_ABORTED" : "SESSION_LOCKED",
                failed.sessionId(), null, failed.formulaCode(),
                payload("oldStatus", "in_progress", "newStatus", failed.status(), "reason", failed.reason()));
    }

    @EventListener
    void on(SessionEvents.ActionWasRefused refused) {
        session(refused.at(), refused.operator(), "REFUSED_" + refused.action(), refused.sessionId(),
                refused.sequence(), refused.formulaCode(),
                payload("code", refused.code(), "message", refused.message(), "input", refused.input()));
    }

    @EventListener
    void on(SessionEvents.FormulaLockEngaged locked) {
        formula(locked.at(), "system", "FORMULA_LOCKED", locked.formulaCode(), payload("reason", locked.reason(),
                "sessionId", locked.sessionId() == null ? null : locked.sessionId().toString()));
    }

    /**
     * The release signs the lock it releases: the signature's hash is that of the
     * formula's last lock event, so the signature is linked to that lock and no other.
     */
    @EventListener
    void on(SessionEvents.FormulaLockReleased released) {
        String lockHash = events.forChain(Chains.formula(released.formulaCode()))
            .stream()
            .filter(event -> event.action().equals("FORMULA_LOCKED"))
            .reduce((first, second) -> second)
            .map(AuditEvent::hash)
            .orElse("no lock recorded");
        formula(released.at(), released.releasedBy(), "FORMULA_LOCK_RELEASED", released.formulaCode(),
                payload("reason", released.reason(), "lockReason", released.lockReason(), "meaning", released.meaning(),
                        "signature",
                        signatures.of(released.releasedBy(), released.at(), released.meaning(), lockHash)));
    }

    @EventListener
    void on(SessionEvents.SessionRejected rejected) {
        session(rejected.at(), "central", "SESSION_REJECTED", rejected.sessionId(), null, rejected.formulaCode(),
                payload("oldStatus", rejected.oldStatus(), "newStatus", "server_rejected", "reason",
                        rejected.reason()));
    }

    @EventListener
    void on(SessionEvents.StationPreparationRefused refused) {
        events.append(new AuditEvents.NewEvent(refused.at(), "central", "PREPARATION_REFUSED", refused.sessionId(),
                null, refused.formulaCode(),
                json.writeValueAsString(payload("station", refused.station(), "reason", refused.reason())),
                Chains.centralDecision(refused.sessionId())));
    }

    @EventListener
    void on(SessionEvents.FormulaLockMirrored mirrored) {
        formula(mirrored.at(), "central", mirrored.locked() ? "FORMULA_LOCKED" : "FORMULA_LOCK_RELEASED_AT_CENTRAL",
                mirrored.formulaCode(), payload("reason", mirrored.reason(), "from", "central"));
    }

    @EventListener
    void on(SessionEvents.FormulaLockReleaseRefused refused) {
        formula(refused.at(), refused.attemptedBy(), "REFUSED_LOCK_RELEASE", refused.formulaCode(),
                payload("why", refused.why()));
    }

    private void session(Instant at, String actor, String action, UUID sessionId, Integer step, String formula,
            Map<String, Object> payload) {
        events.append(new AuditEvents.NewEvent(at, actor, action, sessionId, step, formula,
                json.writeValueAsString(payload), Chains.session(sessionId)));
    }

    private void formula(Instant at, String actor, String action, String formula, Map<String, Object> payload) {
        events.append(new AuditEvents.NewEvent(at, actor, action, null, null, formula, json.writeValueAsString(payload),
                Chains.formula(formula)));
    }

    /** A JSON object of the given key-value pairs, in order. */
    private static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return payload;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

}
