package prepbench.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import prepbench.access.NotPermitted;
import prepbench.access.Permission;
import prepbench.access.Role;
import prepbench.entry.Text;
import prepbench.security.AccountRefused.Reason;

/**
 * People's accounts: an admin creates them (with a temporary password), disables and
 * enables them (never deletes), changes their role, resets their password and unlocks
 * them; everyone changes their own password. Sign-in failures (pages, API, electronic
 * signatures alike) are counted here and lock the account after
 * {@code prepbench.login.max-failures} (5) in a row for
 * {@code prepbench.login.lock-minutes} (15). Every change and every sign-in event is
 * published as {@link AccountChanged} in the transaction that made it, under the
 * account's row lock, for the audit trail; changes that take rights away end the
 * account's open page sessions at once.
 */
@Service
public class AccountManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");

    private static final String COLUMNS = "u.username, u.full_name, u.enabled, u.password_change_required, "
            + "u.failed_attempts, u.locked_until, u.created_at, (SELECT MIN(a.authority) FROM authorities a "
            + "WHERE a.username = u.username) AS authority";

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final PasswordPolicy policy;

    private final ApplicationEventPublisher events;

    private final PageSessions sessions;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final int maxFailures;

    private final Duration lockFor;

    AccountManagement(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy,
            ApplicationEventPublisher events, PageSessions sessions, PlatformTransactionManager transactions,
            Clock clock, @Value("${prepbench.login.max-failures:5}") int maxFailures,
            @Value("${prepbench.login.lock-minutes:15}") long lockMinutes) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.policy = policy;
        this.events = events;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    /** Every account, by username. */
    public List<Account> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u ORDER BY u.username")
            .query(AccountManagement::account)
            .list();
    }

    public Account get(String username) {
        return find(username).orElseThrow(() -> AccountNotFound.account(username));
    }

    public Optional<Account> find(String username) {
        if (username == null || username.length() > 50) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users u WHERE u.username = :username")
            .param("username", username)
            .query(AccountManagement::account)
            .optional();
    }

    /**
     * When the account was disabled, while it is: a central refuses what a station
     * recorded under it after that (issue 18). Empty for an enabled account, one disabled
     * before PrepBench kept the time, and a name no account has.
     */
    public Optional<Instant> disabledSince(String username) {
        return jdbc.sql("SELECT disabled_at FROM users WHERE username = :username AND enabled = FALSE")
            .param("username", username)
            .query((rs, n) -> Optional.ofNullable(rs.getObject("disabled_at", java.time.OffsetDateTime.class)))
            .optional()
            .flatMap(at -> at)
            .map(java.time.OffsetDateTime::toInstant);
    }

    /**
     * The language the person chose to read PrepBench in ({@code en} or {@code ar});
     * empty when they follow their browser's.
     */
    public Optional<String> language(String username) {
        if (username == null || username.length() > 50) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT language FROM users WHERE username = :username")
            .param("username", username)
            .query((rs, row) -> Optional.ofNullable(rs.getString(1)))
            .optional()
            .flatMap(language -> language);
    }

    /**
     * Keeps the language the person chose (one of
     * {@link prepbench.entry.Words#LANGUAGES}), for every bench they sign in at. A
     * preference, not a record: not audited.
     */
    public void chooseLanguage(String username, String language) {
        jdbc.sql("UPDATE users SET language = :language WHERE username = :username")
            .param("language", prepbench.entry.Words.supported(language))
            .param("username", username)
            .update();
    }

    /**
     * Whether there is any account at all (the first start of a production station has
     * none).
     */
    boolean anyAccount() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() > 0;
    }

    int minPasswordLength() {
        return policy.minLength();
    }

    /**
     * Creates an account with a temporary password, which its owner must change at the
     * first sign-in.
     */
    public Account create(String actor, String username, String fullName, String role, String temporaryPassword) {
        requireAdmin(actor);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new AccountRefused(Reason.INVALID_USERNAME, Text.of("admin.refused.invalid-username", "j.martin"));
        }
        String full = requireFullName(fullName);
        Role newRole = role(role);
        requirePolicy(name, temporaryPassword);
        try {
            insert(actor, name, full, newRole, temporaryPassword, true, Map.of());
        }
        catch (DuplicateKeyException taken) {
            throw new AccountRefused(Reason.USERNAME_TAKEN, Text.of("admin.refused.username-taken", name));
        }
        return get(name);
    }

    public Account disable(String actor, String username) {
        return setEnabled(actor, username, false);
    }

    public Account enable(String actor, String username) {
        return setEnabled(actor, username, true);
    }

    private Account setEnabled(String actor, String username, boolean enabled) {
        requireAdmin(actor);
        requireNotOwn(actor, username, enabled ? "enable" : "disable");
        change(actor, username, null, (account, now) -> {
            if (account.enabled() == enabled) {
                return null;
            }
            // when it was disabled: a central refuses what a station recorded under it
            // after that
            jdbc.sql("UPDATE users SET enabled = :enabled, disabled_at = :disabledAt WHERE username = :username")
                .param("enabled", enabled)
                .param("disabledAt", enabled ? null : now.atOffset(java.time.ZoneOffset.UTC))
                .param("username", account.username())
                .update();
            return new Change(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
                    Map.of("enabled", Map.of("old", account.enabled(), "new", enabled)));
        });
        if (!enabled) {
            endPageSessions(username);
        }
        return get(username);
    }

    public Account changeRole(String actor, String username, String role) {
        requireAdmin(actor);
        requireNotOwn(actor, username, "change-role");
        Role newRole = role(role);
        change(actor, username, null, (account, now) -> {
            if (account.role() == newRole) {
                return null;
            }
            jdbc.sql("DELETE FROM authorities WHERE username = :username")
                .param("username", account.username())
                .update();
            jdbc.sql("INSERT INTO authorities (username, authority) VALUES (:username, :authority)")
                .param("username", account.username())
                .param("authority", newRole.authority())
                .update();
            return new Change("ROLE_CHANGED", Map.of("role",
                    Map.of("old", account.role() == null ? "" : account.role().code(), "new", newRole.code())));
        });
        endPageSessions(username);
        return get(username);
    }

    /**
     * Gives the account a temporary password (to be changed at the next sign-in) and
     * lifts any lock.
     */
    public Account resetPassword(String actor, String username, String temporaryPassword) {
        requireAdmin(actor);
        requirePolicy(get(username).username(), temporaryPassword);
        String hash = passwords.encode(temporaryPassword);
        change(actor, username, null, (account, now) -> {
            jdbc.sql("""
                    UPDATE users SET password = :password, password_change_required = TRUE, failed_attempts = 0,
                                     locked_until = NULL
                    WHERE username = :username
                    """).param("password", hash).param("username", account.username()).update();
            return new Change("PASSWORD_RESET", Map.of("passwordChangeRequired", true));
        });
        endPageSessions(username);
        return get(username);
    }

    public Account unlock(String actor, String username) {
        requireAdmin(actor);
        change(actor, username, null, (account, now) -> {
            jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE username = :username")
                .param("username", account.username())
                .update();
            return new Change("ACCOUNT_UNLOCKED", Map.of("failedAttempts", account.failedAttempts(), "wasLockedUntil",
                    account.lockedUntil() == null ? "" : account.lockedUntil().toString()));
        });
        return get(username);
    }

    /**
     * Changes one's own password: the current one (a wrong one counts as a failed
     * sign-in), then a new one.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String from) {
        if (!verifyPassword(username, currentPassword, from, "password change")) {
            throw new AccountRefused(Reason.WRONG_PASSWORD, Text.of("admin.refused.wrong-password"));
        }
        requirePolicy(username, newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new AccountRefused(Reason.WEAK_PASSWORD, Text.of("admin.refused.same-password"));
        }
        String hash = passwords.encode(newPassword);
        change(username, username, from, (account, now) -> {
            jdbc.sql(
                    "UPDATE users SET password = :password, password_change_required = FALSE WHERE username = :username")
                .param("password", hash)
                .param("username", account.username())
                .update();
            return new Change("PASSWORD_CHANGED", Map.of("wasTemporary", account.passwordChangeRequired()));
        });
    }

    /**
     * Checks a password re-entered for an electronic signature or a password change. A
     * wrong one counts as a failed sign-in; a disabled or locked account never verifies.
     */
    public boolean verifyPassword(String username, String password, String from, String purpose) {
        Optional<StoredCredentials> stored = credentials(username);
        if (stored.isEmpty()) {
            return false;
        }
        boolean matches = password != null && password.length() <= 200
                && passwords.matches(password, stored.get().hash());
        if (!matches) {
            signInFailed(username, from, purpose);
            return false;
        }
        Account account = get(username);
        return account.enabled() && !account.lockedAt(clock.instant());
    }

    /**
     * A wrong password for an existing account: counted, audited, and the account locked
     * at the limit.
     */
    void signInFailed(String username, String from, String how) {
        if (credentials(username).isEmpty()) {
            return;
        }
        change(username, username, from, (account, now) -> {
            if (account.lockedAt(now)) {
                return new Change("SIGN_IN_FAILED", Map.of("how", how, "locked", true));
            }
            int failures = account.failedAttempts() + 1;
            if (maxFailures > 0 && failures >= maxFailures) {
                Instant until = now.plus(lockFor);
                jdbc.sql("UPDATE users SET failed_attempts = 0, locked_until = :until WHERE username = :username")
                    .param("until", until.atOffset(ZoneOffset.UTC))
                    .param("username", account.username())
                    .update();
                publish(now, username, account.username(), from, "SIGN_IN_FAILED",
                        Map.of("how", how, "failedAttempts", failures));
                return new Change("ACCOUNT_LOCKED",
                        Map.of("failedAttempts", failures, "lockedUntil", until.toString()));
            }
            jdbc.sql("UPDATE users SET failed_attempts = :failures WHERE username = :username")
                .param("failures", failures)
                .param("username", account.username())
                .update();
            return new Change("SIGN_IN_FAILED", Map.of("how", how, "failedAttempts", failures));
        });
    }

    /**
     * A successful sign-in: the failure count starts again; a sign-in at a page is
     * audited.
     */
    void signedIn(String username, String from, boolean interactive, int failedAttemptsBefore) {
        if (!interactive && failedAttemptsBefore == 0) {
            return;
        }
        change(username, username, from, (account, now) -> {
            if (account.failedAttempts() > 0) {
                jdbc.sql("UPDATE users SET failed_attempts = 0 WHERE username = :username")
                    .param("username", account.username())
                    .update();
            }
            return interactive ? new Change("SIGNED_IN", Map.of("failedAttemptsBefore", account.failedAttempts()))
                    : null;
        });
    }

    /**
     * A sign-in refused although the password was right: the account is locked or
     * disabled.
     */
    void signInRefused(String username, String from, String why) {
        change(username, username, from, (account, now) -> new Change("SIGN_IN_REFUSED", Map.of("why", why)));
    }

    /**
     * Creates the first admin of a station that has no account; the password must be
     * changed at first sign-in.
     */
    void createFirstAdmin(String password) {
        insert("prepbench", "admin", "First administrator", Role.ADMIN, password, true, Map.of("firstStart", true));
    }

    /**
     * Writes a demo account (public password, no policy, no change required); only into
     * an empty accounts table.
     */
    void createDemo(String username, String fullName, Role role, String password) {
        insert("prepbench", username, fullName, role, password, false, Map.of("demo", true));
    }

    /**
     * Writes a new account with its role and records it; {@code note} adds to what the
     * record says.
     */
    private void insert(String actor, String username, String fullName, Role role, String password, boolean temporary,
            Map<String, Object> note) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                    INSERT INTO users (username, password, enabled, full_name, password_change_required,
                                       failed_attempts, created_at)
                    VALUES (:username, :password, TRUE, :fullName, :temporary, 0, :now)
                    """)
                .param("username", username)
                .param("password", passwords.encode(password))
                .param("fullName", fullName)
                .param("temporary", temporary)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
            jdbc.sql("INSERT INTO authorities (username, authority) VALUES (:username, :authority)")
                .param("username", username)
                .param("authority", role.authority())
                .update();
            Map<String, Object> details = new LinkedHashMap<>(Map.of("fullName", fullName, "role", role.code()));
            details.putAll(note);
            publish(now, actor, username, null, "ACCOUNT_CREATED", details);
        });
    }

    /** The stored hash and state for signing in; empty for an unknown username. */
    Optional<StoredCredentials> credentials(String username) {
        if (username == null || username.isEmpty() || username.length() > 50) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT u.username, u.password, u.enabled, u.password_change_required, u.failed_attempts,
                       u.locked_until, (SELECT MIN(a.authority) FROM authorities a WHERE a.username = u.username)
                FROM users u WHERE u.username = :username
                """)
            .param("username", username)
            .query((rs, n) -> new StoredCredentials(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                    rs.getBoolean(4), rs.getInt(5), instant(rs, 6), rs.getString(7)))
            .optional();
    }

    record StoredCredentials(String username, String hash, boolean enabled, boolean passwordChangeRequired,
            int failedAttempts, Instant lockedUntil, String authority) {
    }

    private record Change(String action, Map<String, Object> details) {
    }

    private interface Changer {

        Change apply(Account account, Instant now);

    }

    /**
     * Runs a change under the account's row lock and publishes what it did; a null change
     * publishes nothing.
     */
    private void change(String actor, String username, String from, Changer changer) {
        transaction.executeWithoutResult(tx -> {
            boolean exists = jdbc.sql("SELECT username FROM users WHERE username = :username FOR UPDATE")
                .param("username", username)
                .query(String.class)
                .optional()
                .isPresent();
            if (!exists) {
                throw AccountNotFound.account(username);
            }
            Account account = get(username);
            Instant now = clock.instant();
            Change change = changer.apply(account, now);
            if (change != null) {
                publish(now, actor, account.username(), from, change.action(), change.details());
            }
        });
    }

    private void publish(Instant at, String actor, String username, String from, String action,
            Map<String, Object> details) {
        events.publishEvent(new AccountChanged(at, actor, username, from, action, new LinkedHashMap<>(details)));
    }

    private void requireAdmin(String actor) {
        Optional<Account> account = find(actor);
        if (account.isEmpty() || account.get().role() != Role.ADMIN || !account.get().enabled()) {
            throw new NotPermitted(actor, Permission.MANAGE_ACCOUNTS);
        }
    }

    /** {@code what}: enable, disable or change-role. */
    private static void requireNotOwn(String actor, String username, String what) {
        if (actor.equals(username)) {
            throw new AccountRefused(Reason.OWN_ACCOUNT, Text.of("admin.refused.own." + what));
        }
    }

    private static String requireFullName(String fullName) {
        String full = fullName == null ? "" : fullName.strip();
        if (full.isEmpty() || full.length() > 100) {
            throw new AccountRefused(Reason.FULL_NAME_REQUIRED, Text.of("admin.refused.full-name"));
        }
        return full;
    }

    private void requirePolicy(String username, String password) {
        policy.problem(username, password).ifPresent(problem -> {
            throw new AccountRefused(Reason.WEAK_PASSWORD, problem);
        });
    }

    static Role role(String role) {
        String name = role == null ? "" : role.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Role.of(name)
            .orElseThrow(() -> new AccountRefused(Reason.INVALID_ROLE, Text.of("admin.refused.invalid-role",
                    Role.TECHNICIAN.code(), Role.LAB_LEAD.code(), Role.ADMIN.code(), Role.VIEWER.code())));
    }

    private void endPageSessions(String username) {
        sessions.endAll(username);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        String authority = rs.getString("authority");
        Role role = authority == null ? null : Role.of(authority).orElse(null);
        return new Account(rs.getString("username"), rs.getString("full_name"), role, rs.getBoolean("enabled"),
                rs.getBoolean("password_change_required"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

}
