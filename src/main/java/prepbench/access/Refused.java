package prepbench.access;

import java.util.Objects;

import prepbench.entry.Text;
import prepbench.entry.Worded;

/**
 * An action a rule refused; nothing was changed. The rule is named for scripts (the API's
 * {@code "reason"}) and the audit trail, the message says what to do next. Each module's
 * refusal names its own rules in an enum and answers it typed: {@code ActionRefused}
 * (preparations), {@code CatalogRefused} (the catalogue), {@code AccountRefused}
 * (accounts).
 */
public abstract class Refused extends RuntimeException implements Worded {

    private final Enum<?> rule;

    private final Text text;

    protected Refused(Enum<?> rule, Text text) {
        super(text.english());
        this.rule = Objects.requireNonNull(rule);
        this.text = text;
    }

    protected Refused(Enum<?> rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule);
        this.text = null;
    }

    /**
     * The message to word in the reader's language; null for one still in English only.
     */
    @Override
    public Text text() {
        return text;
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
