package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import prepbench.support.TestPostgres;

/**
 * The grants of docs/postgresql-app-role.sql, run as written on PostgreSQL: the
 * application's role reads and writes what PrepBench needs and adds audit events, but the
 * database refuses it any change to the audit trail.
 */
class PostgresAppRoleTest {

    @Test
    void theApplicationsRoleAddsAuditEventsButCannotChangeThem() throws Exception {
        DataSource owner = TestPostgres.dataSource();
        java.util.Properties testConfig = new java.util.Properties();
        try (var config = PostgresAppRoleTest.class.getResourceAsStream("/config/application.properties")) {
            testConfig.load(config);
        }
        Flyway.configure()
            .dataSource(owner)
            .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
            .javaMigrations(prepbench.audit.SealAtMigration.withKeyRing(testConfig.getProperty("prepbench.audit.key")))
            .load()
            .migrate();
        String role = "pb_app_" + UUID.randomUUID().toString().substring(0, 8);
        String url;
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            // the test server's URL names its superuser as a parameter, which would win
            // over the role asked for
            url = connection.getMetaData().getURL().replaceAll("\\?.*$", "");
            String database = connection.getCatalog();
            String ownerRole = connection.getMetaData().getUserName();
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'app-password'");
            String script = Files.readString(Path.of("docs", "postgresql-app-role.sql"))
                .replace("prepbench_app", role)
                .replace("DATABASE prepbench", "DATABASE \"" + database + "\"")
                .replace("FOR ROLE prepbench ", "FOR ROLE " + ownerRole + " ");
            for (String sql : Arrays.stream(script.split(";\\s*\\n"))
                .map(part -> part.replaceAll("(?m)^--.*$", "").strip())
                .filter(part -> !part.isEmpty())
                .toList()) {
                statement.execute(sql);
            }
        }

        try (Connection app = DriverManager.getConnection(url, role, "app-password");
                Statement statement = app.createStatement()) {
            assertThat(app.getMetaData().getUserName()).isEqualTo(role);
            statement.executeUpdate("INSERT INTO audit_event (occurred_at, actor, action, payload, chain, seq, "
                    + "prev_hash, hash) VALUES (CURRENT_TIMESTAMP, 'role-test', 'ROLE_TEST', '{}', 'role-test:" + role
                    + "', 1, '" + "0".repeat(64) + "', '" + "0".repeat(64) + "')");
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM formula").next()).isTrue();
            for (String change : new String[] { "UPDATE audit_event SET actor = 'x' WHERE actor = 'role-test'",
                    "DELETE FROM audit_event WHERE actor = 'role-test'", "TRUNCATE audit_event" }) {
                assertThatThrownBy(() -> statement.executeUpdate(change)).isInstanceOfSatisfying(SQLException.class,
                        refused -> {
                            // refused by the grants, before the append-only trigger would
                            // be reached
                            assertThat(refused.getSQLState()).as(change).isEqualTo("42501");
                            assertThat(refused.getMessage()).as(change).contains("permission denied");
                        });
            }
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM flyway_schema_history"))
                .isInstanceOf(SQLException.class);
        }
    }

}
