package prepbench.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import prepbench.samples.SampleEvents;

/**
 * Records what happens to a sample after its preparation (tests scheduled, results) in
 * the sample's own chain, with the preparation's id, so that its batch record shows it.
 */
@Component
class SampleAuditing {

    private final AuditEvents events;

    private final JsonMapper json;

    SampleAuditing(AuditEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(SampleEvents.TestsScheduled scheduled) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sample", scheduled.sampleCode());
        payload.put("tests",
                scheduled.tests()
                    .stream()
                    .map(test -> Map.of("test", test.name(), "dueAt", test.dueAt().toString()))
                    .toList());
        append(scheduled.at(), "system", "TESTS_SCHEDULED", scheduled.sessionId(), scheduled.formulaCode(),
                scheduled.sampleCode(), payload);
    }

    @EventListener
    void on(SampleEvents.TestResultRecorded recorded) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sample", recorded.sampleCode());
        payload.put("test", recorded.test());
        payload.put("result", recorded.result());
        if (recorded.value() != null) {
            payload.put("value", recorded.value());
        }
        if (recorded.note() != null) {
            payload.put("note", recorded.note());
        }
        append(recorded.at(), recorded.actor(), "TEST_RESULT_RECORDED", recorded.sessionId(), recorded.formulaCode(),
                recorded.sampleCode(), payload);
    }

    private void append(java.time.Instant at, String actor, String action, java.util.UUID sessionId, String formula,
            String sampleCode, Map<String, Object> payload) {
        events.append(new AuditEvents.NewEvent(at, actor, action, sessionId, null, formula,
                json.writeValueAsString(payload), Chains.sample(sampleCode)));
    }

}
