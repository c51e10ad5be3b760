package prepbench.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import prepbench.formulas.CatalogChanged;
import tools.jackson.databind.json.JsonMapper;

/** Records every change to the catalogue (and every refused release) in the changed formula's or ingredient's chain. */
@Component
class CatalogAuditing {

    private final AuditEvents events;
    private final JsonMapper json;

    CatalogAuditing(AuditEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @EventListener
    void on(CatalogChanged changed) {
        boolean formula = changed.subject().equals("formula");
        events.append(new AuditEvents.NewEvent(changed.at(), changed.actor(), changed.action(), null, null,
                formula ? changed.code() : null, json.writeValueAsString(changed.details()),
                formula ? Chains.formulaVersions(changed.code()) : Chains.ingredient(changed.code())));
    }
}
