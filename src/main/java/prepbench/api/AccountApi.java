package prepbench.api;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import prepbench.security.Account;
import prepbench.security.AccountManagement;

/**
 * Accounts: admins manage them under {@code /api/v1/users}; everyone reads and changes
 * their own under {@code /me}.
 */
@RestController
class AccountApi {

    private final AccountManagement accounts;

    private final Clock clock;

    AccountApi(AccountManagement accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    record AccountDto(String username, String fullName, String role, boolean enabled, boolean passwordChangeRequired,
            boolean locked, Instant lockedUntil, int failedAttempts, Instant createdAt) {

        static AccountDto of(Account account, Instant now) {
            return new AccountDto(account.username(), account.fullName(),
                    account.role() == null ? null : account.role().code(), account.enabled(),
                    account.passwordChangeRequired(), account.lockedAt(now),
                    account.lockedAt(now) ? account.lockedUntil() : null, account.failedAttempts(),
                    account.createdAt());
        }
    }

    record NewAccount(String username, String fullName, String role, String password) {
    }

    record RoleRequest(String role) {
    }

    record PasswordRequest(String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    private AccountDto dto(Account account) {
        return AccountDto.of(account, clock.instant());
    }

    @Operation(summary = "Every account (admin)")
    @GetMapping("/api/v1/users")
    List<AccountDto> listAccounts() {
        return accounts.list().stream().map(this::dto).toList();
    }

    @Operation(summary = "One account (admin)")
    @GetMapping("/api/v1/users/{username}")
    AccountDto showAccount(@PathVariable String username) {
        return dto(accounts.get(username));
    }

    /**
     * Creates an account; its password is temporary and must be changed at the first
     * sign-in.
     */
    @Operation(summary = "Creates an account with a temporary password (admin)")
    @PostMapping("/api/v1/users")
    ResponseEntity<AccountDto> createAccount(@RequestBody NewAccount body, Principal admin) {
        Account created = accounts.create(admin.getName(), body.username(), body.fullName(), body.role(),
                body.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(dto(created));
    }

    @Operation(summary = "Disables an account and ends its open pages (admin)")
    @PostMapping("/api/v1/users/{username}/disable")
    AccountDto disableAccount(@PathVariable String username, Principal admin) {
        return dto(accounts.disable(admin.getName(), username));
    }

    @Operation(summary = "Enables a disabled account (admin)")
    @PostMapping("/api/v1/users/{username}/enable")
    AccountDto enableAccount(@PathVariable String username, Principal admin) {
        return dto(accounts.enable(admin.getName(), username));
    }

    @Operation(summary = "Unlocks an account locked after wrong passwords (admin)")
    @PostMapping("/api/v1/users/{username}/unlock")
    AccountDto unlockAccount(@PathVariable String username, Principal admin) {
        return dto(accounts.unlock(admin.getName(), username));
    }

    @Operation(summary = "Gives an account a new temporary password (admin)")
    @PostMapping("/api/v1/users/{username}/reset-password")
    AccountDto resetPassword(@PathVariable String username, @RequestBody PasswordRequest body, Principal admin) {
        return dto(accounts.resetPassword(admin.getName(), username, body.password()));
    }

    @Operation(summary = "Changes an account's role (admin)")
    @PutMapping("/api/v1/users/{username}/role")
    AccountDto changeRole(@PathVariable String username, @RequestBody RoleRequest body, Principal admin) {
        return dto(accounts.changeRole(admin.getName(), username, body.role()));
    }

    @Operation(summary = "The caller's own account")
    @GetMapping("/api/v1/me")
    AccountDto showMe(Principal me) {
        return dto(accounts.get(me.getName()));
    }

    @Operation(summary = "Changes the caller's own password")
    @PostMapping("/api/v1/me/password")
    ResponseEntity<Void> changeMyPassword(@RequestBody PasswordChange body, Principal me, HttpServletRequest request) {
        accounts.changeOwnPassword(me.getName(), body.currentPassword(), body.newPassword(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

}
