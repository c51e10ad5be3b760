package prepbench.security;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something happened to an account, or to a sign-in with it: the audit module records it
 * in the account's own chain, in the transaction that made the change (under the
 * account's row lock). Passwords are never in the details.
 *
 * @param actor who did it (the account itself for sign-ins and its own password change)
 * @param from the client's address, where there was a request
 * @param action such as {@code SIGNED_IN}, {@code SIGN_IN_FAILED},
 * {@code ACCOUNT_LOCKED}, {@code ACCOUNT_CREATED}
 * @param details old and new values, never a password
 */
public record AccountChanged(Instant at, String actor, String username, String from, String action,
        Map<String, Object> details) {

    public AccountChanged {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
