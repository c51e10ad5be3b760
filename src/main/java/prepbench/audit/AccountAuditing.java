package prepbench.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.security.AccountChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every account change and sign-in event in the account's own chain, with where
 * it came from.
 */
@Component
class AccountAuditing {

    private final AuditEvents events;

    private final JsonMapper json;

    AccountAuditing(AuditEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(AccountChanged changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account", changed.username());
        if (changed.from() != null) {
            payload.put("from", changed.from());
        }
        payload.putAll(changed.details());
        events.append(new AuditEvents.NewEvent(changed.at(), changed.actor(), changed.action(), null, null, null,
                json.writeValueAsString(payload), Chains.account(changed.username())));
    }

}
