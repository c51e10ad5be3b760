package prepbench.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import prepbench.access.Actor;
import prepbench.access.Permission;
import prepbench.audit.AuditEvent;
import prepbench.audit.AuditTrail;
import prepbench.security.ApiToken;
import prepbench.security.TokenManagement;

/**
 * API tokens for integrations (admins): create one (the token is in the answer, and
 * nowhere else ever again), list them, revoke one, and read what a token did.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

    private final TokenManagement tokens;

    private final AuditTrail audit;

    TokenApi(TokenManagement tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    record NewTokenRequest(String name, String role) {
    }

    record TokenDto(String name, String role, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy,
            Instant lastUsedAt) {

        static TokenDto of(ApiToken token) {
            return new TokenDto(token.name(), token.role().code(), token.createdAt(), token.createdBy(),
                    token.revokedAt(), token.revokedBy(), token.lastUsedAt());
        }
    }

    @Operation(summary = "Creates an API token; the token is in this answer only (admin)")
    @PostMapping
    ResponseEntity<TokenManagement.NewToken> create(@RequestBody NewTokenRequest request, Actor admin) {
        TokenManagement.NewToken created = tokens.create(admin, request.name(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.name()))
            .header("Cache-Control", "no-store")
            .body(created);
    }

    @Operation(summary = "Every API token, never the token itself (admin)")
    @GetMapping
    List<TokenDto> list(Actor admin) {
        return tokens.all(admin).stream().map(TokenDto::of).toList();
    }

    @Operation(summary = "Revokes an API token (admin)")
    @DeleteMapping("/{name}")
    ResponseEntity<Void> revoke(@PathVariable String name, Actor admin) {
        tokens.revoke(admin, name);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "What an API token did (admin)")
    @GetMapping("/{name}/audit")
    List<AuditEvent> history(@PathVariable String name, Actor admin) {
        admin.require(Permission.MANAGE_ACCOUNTS);
        return audit.forToken(name);
    }

}
