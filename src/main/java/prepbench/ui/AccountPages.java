package prepbench.ui;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.audit.AuditTrail;
import prepbench.entry.Words;
import prepbench.security.Account;
import prepbench.security.AccountRefused;
import prepbench.security.AccountSessions;
import prepbench.security.AccountManagement;

/**
 * {@code /account}: one's own account and password. {@code /admin/users}: the admin's
 * list of accounts, a new account, and one account's page with its actions (disable,
 * enable, role, password reset, unlock) and its audit trail.
 */
@Controller
class AccountPages {

    private final AccountManagement accounts;

    private final AccountSessions sessions;

    private final AuditTrail audit;

    AccountPages(AccountManagement accounts, AccountSessions sessions, AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
    }

    @GetMapping("/account")
    String showAccount(Principal me, @RequestParam(required = false) String changed, HttpServletRequest request,
            Model model) {
        return own(model, me, changed != null ? Languages.words(request).t("admin.own.password-changed") : null, false);
    }

    @PostMapping("/account/password")
    Object changePassword(Principal me, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!newPassword.equals(repeatPassword)) {
            response.setStatus(422);
            return own(model, me, Languages.words(request).t("admin.own.passwords-differ"), true);
        }
        try {
            accounts.changeOwnPassword(me.getName(), currentPassword, newPassword, request.getRemoteAddr());
        }
        catch (AccountRefused refused) {
            response.setStatus(422);
            return own(model, me, Languages.words(request).message(refused), true);
        }
        boolean wasRequired = AccountSessions.passwordChangeRequired();
        sessions.refresh(request, response);
        return Redirects.seeOther(wasRequired ? "/" : "/account?changed");
    }

    private String own(Model model, Principal me, String message, boolean refused) {
        model.addAttribute("page", new AccountsPage(List.of(), accounts.get(me.getName()), message, refused,
                AccountSessions.passwordChangeRequired(), "", "", ""));
        return "account";
    }

    @GetMapping("/admin/users")
    String listAccounts(Model model) {
        return list(model, null, false, "", "", "technician");
    }

    @PostMapping("/admin/users")
    Object createAccount(Principal admin, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            Account created = accounts.create(admin.getName(), username, fullName, role, password);
            return Redirects.seeOther("/admin/users/" + created.username() + "?created");
        }
        catch (AccountRefused refused) {
            response.setStatus(422);
            return list(model, Languages.words(request).message(refused), true, cut(username), cut(fullName), role);
        }
    }

    private String list(Model model, String message, boolean refused, String username, String fullName, String role) {
        model.addAttribute("page",
                new AccountsPage(accounts.list(), null, message, refused, false, username, fullName, role));
        return "accounts";
    }

    @GetMapping("/admin/users/{username}")
    String showAccountToAdmin(@PathVariable String username, @RequestParam(required = false) String created,
            @RequestParam(required = false) String done, HttpServletRequest request, Model model) {
        Words words = Languages.words(request);
        String message = created != null ? words.t("admin.account.created-message")
                : done != null ? words.t("admin.account.done") : null;
        return one(model, username, message, false);
    }

    @PostMapping("/admin/users/{username}/{action}")
    Object actOnAccount(Principal admin, @PathVariable String username, @PathVariable String action,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            switch (action) {
                case "disable" -> accounts.disable(admin.getName(), username);
                case "enable" -> accounts.enable(admin.getName(), username);
                case "unlock" -> accounts.unlock(admin.getName(), username);
                case "role" -> accounts.changeRole(admin.getName(), username, role);
                case "reset-password" -> accounts.resetPassword(admin.getName(), username, password);
                default -> {
                    response.setStatus(404);
                    return one(model, username, Languages.words(request).t("admin.account.no-such-action"), true);
                }
            }
        }
        catch (AccountRefused refused) {
            response.setStatus(422);
            return one(model, username, Languages.words(request).message(refused), true);
        }
        return Redirects.seeOther("/admin/users/" + accounts.get(username).username() + "?done");
    }

    private String one(Model model, String username, String message, boolean refused) {
        Account account = accounts.get(username);
        model.addAttribute("page", new AccountsPage(List.of(), account, message, refused, false, "", "", ""));
        model.addAttribute("events", audit.forAccount(account.username()));
        model.addAttribute("chain", audit.verifyAccount(account.username()));
        return "account-admin";
    }

    private static String cut(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }

}
