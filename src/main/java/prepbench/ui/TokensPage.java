package prepbench.ui;

import java.util.List;

import prepbench.security.ApiToken;

/**
 * The admin's API tokens: every token, a message (done or refused), and a token just
 * created, shown this once.
 *
 * @param message in the reader's language
 * @param revoked the name of the token just revoked, which the page says; else null
 * @param created the token just created; null on every other visit
 */
public record TokensPage(List<ApiToken> tokens, String message, boolean refused, String revoked, String createdName,
        String created, String name, String role) {
}
