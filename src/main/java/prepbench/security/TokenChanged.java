package prepbench.security;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something happened to an API token: created, revoked, or used for a write. The audit
 * module records it in the token's own chain, in the transaction that made the change
 * (under the token's row lock). The token itself is never in the details.
 *
 * @param actor who did it: an admin, or the token itself for its uses
 * @param action {@code TOKEN_CREATED}, {@code TOKEN_REVOKED} or {@code TOKEN_USED}
 */
public record TokenChanged(Instant at, String actor, String token, String action, Map<String, Object> details) {

    public TokenChanged {
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
