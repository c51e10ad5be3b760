package prepbench.security;

/**
 * A change to an account that was refused, with a code scripts can rely on and a message that says what to do.
 * Codes: {@code NOT_PERMITTED}, {@code INVALID_USERNAME}, {@code USERNAME_TAKEN}, {@code INVALID_ROLE},
 * {@code WEAK_PASSWORD}, {@code WRONG_PASSWORD}, {@code OWN_ACCOUNT}, {@code FULL_NAME_REQUIRED}.
 */
public class AccountRefused extends RuntimeException {

    private final String code;

    AccountRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the refusal is about the caller's permission (403) rather than the request (422). */
    public boolean notPermitted() {
        return code.equals("NOT_PERMITTED");
    }
}
