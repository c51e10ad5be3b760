package prepbench.security;

/** No account has this username, or no API token this name. */
public class AccountNotFound extends RuntimeException {

    private AccountNotFound(String message) {
        super(message);
    }

    static AccountNotFound account(String username) {
        return new AccountNotFound(
                "No account is called " + shown(username) + ". Check the username in the list of accounts.");
    }

    static AccountNotFound token(String name) {
        return new AccountNotFound("No API token is called " + shown(name) + ". Check the name in the list of tokens.");
    }

    private static String shown(String name) {
        return name == null ? "" : name.length() > 50 ? name.substring(0, 50) + "…" : name;
    }

}
