package prepbench.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.catalog.CatalogChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change to the catalogue (and every refused release) in the changed
 * formula's or ingredient's chain.
 */
@Component
class CatalogAuditing {

    private final AuditEvents events;

    private final JsonMapper json;

    private final SignatureManifest signatures;

    CatalogAuditing(AuditEvents events, JsonMapper json, SignatureManifest signatures) {
        this.events = events;
        this.json = json;
        this.signatures = signatures;
    }

    /**
     * A release carries the lab lead's signature: it signs the released version's content
     * as recorded here (code, version, name, batch and every line), whose SHA-256 the
     * signature holds.
     */
    @EventListener
    void on(CatalogChanged changed) {
        boolean formula = changed.subject().equals("formula");
        Map<String, Object> details = new LinkedHashMap<>(changed.details());
        if (changed.action().equals("VERSION_RELEASED") && details.get("meaning") instanceof String meaning) {
            Map<String, Object> signed = new LinkedHashMap<>(details);
            signed.remove("signedBy");
            signed.remove("meaning");
            details.put("signature", signatures.of(changed.actor(), changed.at(), meaning,
                    changed.code() + "\n" + json.writeValueAsString(signed)));
        }
        events.append(new AuditEvents.NewEvent(changed.at(), changed.actor(), changed.action(), null, null,
                formula ? changed.code() : null, json.writeValueAsString(details),
                formula ? Chains.formulaVersions(changed.code()) : Chains.ingredient(changed.code())));
    }

}
