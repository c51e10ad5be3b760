package prepbench.access;

import java.util.Objects;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/**
 * An action a rule refused; nothing was changed. The rule is named for scripts (the API's
 * {@code "reason"}) and the audit trail, the message says what to do next. Each module's
 * refusal names its own rules in an enum and answers it typed: {@code ActionRefused}
 * (preparations), {@code CatalogRefused} (the catalogue), {@code AccountRefused}
 * (accounts).
 */
public abstract class Refused extends WordedRefusal {

    private final Enum<?> rule;

    protected Refused(Enum<?> rule, Text text) {
        super(text);
        this.rule = Objects.requireNonNull(rule);
    }

    /** The rule that refused the action, as the API and the audit trail name it. */
    public String rule() {
        return rule.name();
    }

    /** The rule, for a subclass to answer as its own type. */
    protected Enum<?> ruleValue() {
        return rule;
    }

}
