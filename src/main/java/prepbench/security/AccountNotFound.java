package prepbench.security;

/** No account has this username. */
public class AccountNotFound extends RuntimeException {

    AccountNotFound(String username) {
        super("No account is called "
                + (username == null ? "" : username.length() > 50 ? username.substring(0, 50) + "…" : username)
                + ". Check the username in the list of accounts.");
    }

}
