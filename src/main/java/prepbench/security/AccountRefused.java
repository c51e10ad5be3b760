package prepbench.security;

import java.util.Objects;

/**
 * A change to an account that was refused, with a reason scripts can rely on and a message that says what to do.
 * (A caller who may not manage accounts gets {@link prepbench.access.NotPermitted} instead.)
 */
public class AccountRefused extends RuntimeException {

    /** The rule that refused the change; the API answers its name as {@code "reason"}. */
    public enum Reason {
        INVALID_USERNAME, USERNAME_TAKEN, INVALID_ROLE, WEAK_PASSWORD, WRONG_PASSWORD, OWN_ACCOUNT, FULL_NAME_REQUIRED
    }

    private final Reason reason;

    AccountRefused(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
