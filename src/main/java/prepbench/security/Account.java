package prepbench.security;

import java.time.Instant;

import prepbench.access.Role;

/**
 * A person's account. Never deleted (the audit trail names people): disabled instead.
 *
 * @param lockedUntil when a lock after too many failed sign-ins ends; null when not
 * locked
 * @param passwordChangeRequired the password is temporary (new account, reset, first
 * admin)
 */
public record Account(String username, String fullName, Role role, boolean enabled, boolean passwordChangeRequired,
        int failedAttempts, Instant lockedUntil, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
