package prepbench.security;

import org.springframework.stereotype.Component;

import prepbench.formulas.SignatureVerifier;

/**
 * An electronic signature is the signed-in user's own password, checked against its
 * stored hash. A wrong one counts towards the account's lock like a failed sign-in; a
 * locked or disabled account never signs.
 */
@Component
class PasswordSignatures implements SignatureVerifier {

    private final AccountManagement accounts;

    PasswordSignatures(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean verify(String username, String password) {
        return accounts.verifyPassword(username, password, null, "signature");
    }

}
