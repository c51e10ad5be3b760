package prepbench.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import prepbench.access.Role;

/** The {@code api_token} table: tokens by name, and by the hash of the token. */
@Repository
class ApiTokens {

    static final String ACTOR_PREFIX = "token:";

    private static final String COLUMNS = "name, role, created_at, created_by, revoked_at, revoked_by, last_used_at";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String name, Role role, String hash, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO api_token (name, role, token_hash, created_at, created_by)
                VALUES (:name, :role, :hash, :at, :by)
                """)
            .param("name", name)
            .param("role", role.name())
            .param("hash", hash)
            .param("at", utc(at))
            .param("by", by)
            .update();
    }

    boolean exists(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = :name")
            .param("name", name)
            .query(Integer.class)
            .single() > 0;
    }

    /** The token under its row lock, which serialises its changes and its chain. */
    Optional<ApiToken> lock(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE name = :name FOR UPDATE")
            .param("name", name)
            .query(ApiTokens::row)
            .optional();
    }

    /** The valid (not revoked) token with this hash. */
    Optional<ApiToken> validByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = :hash AND revoked_at IS NULL")
            .param("hash", hash)
            .query(ApiTokens::row)
            .optional();
    }

    List<ApiToken> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY name").query(ApiTokens::row).list();
    }

    void revoke(String name, String by, Instant at) {
        jdbc.sql("UPDATE api_token SET revoked_at = :at, revoked_by = :by WHERE name = :name AND revoked_at IS NULL")
            .param("at", utc(at))
            .param("by", by)
            .param("name", name)
            .update();
    }

    /**
     * Records a use, at most once a minute per token, so that reading does not mean
     * writing on every request.
     */
    void used(String name, Instant at) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :at
                 WHERE name = :name AND (last_used_at IS NULL OR last_used_at < :minuteBefore)
                """)
            .param("at", utc(at))
            .param("name", name)
            .param("minuteBefore", utc(at.minus(TokenManagement.LAST_USE_STEP)))
            .update();
    }

    private static ApiToken row(ResultSet rs, int rowNum) throws SQLException {
        return new ApiToken(rs.getString("name"), Role.valueOf(rs.getString("role")), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "revoked_at"), rs.getString("revoked_by"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

}
