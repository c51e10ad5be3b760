package prepbench.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.security.AccountChanged;
import prepbench.security.TokenChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every account change and sign-in event in the account's own chain, with where
 * it came from; and every change and write of an API token in the token's chain.
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

    @EventListener
    void on(TokenChanged changed) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("token", changed.token());
        payload.putAll(changed.details());
        events.append(new AuditEvents.NewEvent(changed.at(), changed.actor(), changed.action(), null, null, null,
                json.writeValueAsString(payload), Chains.token(changed.token())));
    }

}
