package prepbench.security;

import prepbench.entry.Text;
import prepbench.entry.WordedRefusal;

/** No account has this username, or no API token this name. */
public class AccountNotFound extends WordedRefusal {

    private AccountNotFound(Text text) {
        super(text);
    }

    static AccountNotFound account(String username) {
        return new AccountNotFound(Text.of("admin.refused.account-not-found", shown(username)));
    }

    static AccountNotFound token(String name) {
        return new AccountNotFound(Text.of("admin.refused.token-not-found", shown(name)));
    }

    private static String shown(String name) {
        return name == null ? "" : name.length() > 50 ? name.substring(0, 50) + "…" : name;
    }

}
