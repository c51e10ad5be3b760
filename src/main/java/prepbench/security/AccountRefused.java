package prepbench.security;

import prepbench.access.Refused;
import prepbench.entry.Text;

/**
 * A change to an account or an API token that was refused, with a reason scripts can rely
 * on and a message that says what to do. (A caller who may not manage accounts gets
 * {@link prepbench.access.NotPermitted} instead.)
 */
public class AccountRefused extends Refused {

    /** The rule that refused the change; the API answers its name as {@code "reason"}. */
    public enum Reason {

        INVALID_USERNAME, USERNAME_TAKEN, INVALID_ROLE, WEAK_PASSWORD, WRONG_PASSWORD, OWN_ACCOUNT, FULL_NAME_REQUIRED,
        INVALID_TOKEN_NAME, TOKEN_NAME_TAKEN, TOKEN_REVOKED

    }

    AccountRefused(Reason reason, Text text) {
        super(reason, text);
    }

    public Reason reason() {
        return (Reason) ruleValue();
    }

}
