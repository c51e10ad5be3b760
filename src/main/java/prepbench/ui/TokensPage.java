package prepbench.ui;

import java.util.List;

import prepbench.security.ApiToken;

/**
 * The admin's API tokens: every token, a message (done or refused), and a token just
 * created, shown this once.
 *
 * @param created the token just created; null on every other visit
 */
public record TokensPage(List<ApiToken> tokens, String message, boolean refused, String createdName, String created,
        String name, String role) {
}
