package prepbench.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.access.Role;
import prepbench.entry.Text;
import prepbench.security.AccountRefused.Reason;

/**
 * API tokens for integrations: an admin creates a named token with a role and sees it
 * once; only its SHA-256 is kept (a token is 256 random bits, so a salt would add
 * nothing). A token is revoked, never deleted. Creation, revocation and every write the
 * token makes are published as {@link TokenChanged}, which the audit module records in
 * the token's chain; the last use is kept to the minute.
 */
@Service
public class TokenManagement {

    /**
     * Every token starts so, which tells it apart from a password in a log or a secret
     * scanner's rules.
     */
    static final String PREFIX = "pbt_";

    /**
     * At most 44 characters, so that {@code token:NAME} fits where the audit trail names
     * an actor (50).
     */
    /** How finely the last use of a token is kept. */
    static final Duration LAST_USE_STEP = Duration.ofMinutes(1);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,43}");

    private final ApiTokens tokens;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    TokenManagement(ApiTokens tokens, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A token just created: the only time the token itself is shown. */
    public record NewToken(String name, String role, String token) {
    }

    /**
     * Creates a token with the role.
     * @throws AccountRefused {@code INVALID_TOKEN_NAME}, {@code TOKEN_NAME_TAKEN},
     * {@code INVALID_ROLE}
     */
    public NewToken create(Actor admin, String name, String role) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        String validName = name == null ? "" : name.strip();
        if (!NAME.matcher(validName).matches()) {
            throw new AccountRefused(Reason.INVALID_TOKEN_NAME,
                    Text.of("admin.refused.token.invalid-name", "erp-sync"));
        }
        Role validRole = AccountManagement.role(role);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            transaction.executeWithoutResult(tx -> {
                if (tokens.exists(validName)) {
                    throw taken(validName);
                }
                Instant now = clock.instant();
                tokens.insert(validName, validRole, hash(token), admin.username(), now);
                events.publishEvent(new TokenChanged(now, admin.username(), validName, "TOKEN_CREATED",
                        Map.of("role", validRole.code())));
            });
        }
        catch (DuplicateKeyException createdMeanwhile) {
            throw taken(validName);
        }
        return new NewToken(validName, validRole.code(), token);
    }

    /**
     * Revokes the token: it is refused from the next request on.
     * @throws AccountNotFound when no token has the name
     * @throws AccountRefused {@code TOKEN_REVOKED} when it is revoked already
     */
    public ApiToken revoke(Actor admin, String name) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        return transaction.execute(tx -> {
            ApiToken token = tokens.lock(name).orElseThrow(() -> AccountNotFound.token(name));
            if (token.revoked()) {
                throw new AccountRefused(Reason.TOKEN_REVOKED,
                        Text.of("admin.refused.token.revoked", name, token.revokedAt(), token.revokedBy()));
            }
            Instant now = clock.instant();
            tokens.revoke(name, admin.username(), now);
            events.publishEvent(new TokenChanged(now, admin.username(), name, "TOKEN_REVOKED", Map.of()));
            return tokens.lock(name).orElseThrow();
        });
    }

    /** Every token, revoked ones too, by name. */
    public List<ApiToken> all(Actor admin) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        return tokens.all();
    }

    /**
     * The valid token that the text is, recording its use; empty for an unknown or
     * revoked token.
     */
    Optional<ApiToken> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.validByHash(hash(token));
        Instant now = clock.instant();
        // the last use is kept to the minute: most requests read it and write nothing
        found.filter(valid -> valid.lastUsedAt() == null || valid.lastUsedAt().isBefore(now.minus(LAST_USE_STEP)))
            .ifPresent(valid -> tokens.used(valid.name(), now));
        return found;
    }

    /**
     * Records a write the token made, with what it asked and how it was answered, in the
     * token's chain.
     */
    void recordWrite(ApiToken token, String method, String path, int status) {
        transaction.executeWithoutResult(tx -> {
            tokens.lock(token.name()).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("method", method);
            details.put("path", path);
            details.put("status", status);
            events.publishEvent(
                    new TokenChanged(clock.instant(), token.actorName(), token.name(), "TOKEN_USED", details));
        });
    }

    private static AccountRefused taken(String name) {
        return new AccountRefused(Reason.TOKEN_NAME_TAKEN, Text.of("admin.refused.token.name-taken", name));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java has SHA-256", impossible);
        }
    }

}
