package prepbench.security;

/**
 * An account's open page sessions, which disabling it, changing its role or resetting its
 * password ends at once: in this instance's registry, or (several instances) in the
 * database.
 */
@FunctionalInterface
interface PageSessions {

    /** Ends every page session of the account: its next request has to sign in again. */
    void endAll(String username);

}
