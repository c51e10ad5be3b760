package prepbench.security;

import java.time.Instant;

import prepbench.access.Role;

/**
 * A named API token of an integration: what it may do is its role's. The token itself is
 * never kept, only its hash.
 *
 * @param revokedAt null while the token is valid
 * @param lastUsedAt null until first used; recorded to the minute
 */
public record ApiToken(String name, Role role, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy,
        Instant lastUsedAt) {

    /**
     * The actor name under which what the token does is recorded: {@code token:NAME},
     * never a username.
     */
    public String actorName() {
        return ApiTokens.ACTOR_PREFIX + name;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
