package prepbench.ui;

import java.util.List;

import prepbench.security.Account;

/**
 * What the account pages show: the accounts (the admin's list) or one account, a message
 * (done or refused), whether the signed-in password is temporary, and the new-account
 * form's last input.
 *
 * @param message in the reader's language
 */
public record AccountsPage(List<Account> accounts, Account account, String message, boolean refused,
        boolean passwordChangeRequired, String username, String fullName, String role) {
}
