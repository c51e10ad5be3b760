package prepbench.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import prepbench.access.Actor;
import prepbench.security.AccountRefused;
import prepbench.security.TokenManagement;

/**
 * {@code /admin/tokens}: the API tokens of integrations. A new token is shown on the
 * answer to its creation and never again (the answer is not cached); revoking one refuses
 * it from the next request on.
 */
@Controller
class TokenPages {

    private final TokenManagement tokens;

    TokenPages(TokenManagement tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/tokens")
    String listTokens(Actor admin, @RequestParam(required = false) String revoked, Model model) {
        return page(model, admin, null, false, revoked, null, null, "", "technician");
    }

    @PostMapping("/admin/tokens")
    String createToken(Actor admin, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String role, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            TokenManagement.NewToken created = tokens.create(admin, name, role);
            response.setHeader("Cache-Control", "no-store");
            return page(model, admin, null, false, null, created.name(), created.token(), "", "technician");
        }
        catch (AccountRefused refused) {
            response.setStatus(422);
            return page(model, admin, Languages.words(request).message(refused), true, null, null, null,
                    name.length() > 44 ? name.substring(0, 44) : name, role);
        }
    }

    @PostMapping("/admin/tokens/{name}/revoke")
    Object revokeToken(Actor admin, @PathVariable String name, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try {
            tokens.revoke(admin, name);
            return Redirects.seeOther("/admin/tokens?revoked=" + name);
        }
        catch (AccountRefused refused) {
            response.setStatus(422);
            return page(model, admin, Languages.words(request).message(refused), true, null, null, null, "",
                    "technician");
        }
    }

    private String page(Model model, Actor admin, String message, boolean refused, String revoked, String createdName,
            String created, String name, String role) {
        model.addAttribute("page",
                new TokensPage(tokens.all(admin), message, refused, revoked, createdName, created, name, role));
        return "tokens";
    }

}
