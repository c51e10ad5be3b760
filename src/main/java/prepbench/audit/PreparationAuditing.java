package prepbench.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.preparation.SessionResumed;
import prepbench.preparation.SessionStarted;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the preparation module's events. Listeners are synchronous, so each event is written in the
 * transaction that made the change; if the change rolls back, so does its record.
 */
@Component
class PreparationAuditing {

    private final AuditEvents events;
    private final JsonMapper json;

    PreparationAuditing(AuditEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(SessionStarted started) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("attemptNo", started.attemptNo());
        payload.put("versionNo", started.versionNo());
        payload.put("amount", started.amount().toPlainString());
        payload.put("unit", started.unit());
        payload.put("batchMassG", started.batchMassG().toPlainString());
        payload.put("steps", started.stepCount());
        payload.put("bench", started.bench());
        append(started.at(), started.operator(), "SESSION_STARTED", started.sessionId(), started.formulaCode(), payload);
    }

    @EventListener
    void on(SessionResumed resumed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("attemptNo", resumed.attemptNo());
        payload.put("bench", resumed.bench());
        append(resumed.at(), resumed.operator(), "SESSION_RESUMED", resumed.sessionId(), resumed.formulaCode(), payload);
    }

    private void append(java.time.Instant at, String actor, String action, java.util.UUID session, String formula,
            Map<String, Object> payload) {
        events.append(new AuditEvents.NewEvent(at, actor, action, session, null, formula, json.writeValueAsString(payload)));
    }
}
