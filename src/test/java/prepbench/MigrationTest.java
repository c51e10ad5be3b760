package prepbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import prepbench.support.TestPostgres;

/**
 * A database with a lab's data in it upgrades: the schema as of version 2 is filled the
 * way version 2 wrote it, then migrated to the newest version, on H2 and on PostgreSQL.
 */
class MigrationTest {

    @Test
    void upgradesAVersion2DatabaseOnH2() {
        upgrades(new SingleConnectionDataSource("jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
                "", true), null);
    }

    @Test
    void upgradesAVersion2DatabaseOnPostgres() {
        upgrades(TestPostgres.dataSource(), "upgrade_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Test
    void stationsRegisteredBeforeAccountListsKeepEveryAccountOnH2() {
        stationsKeepEveryAccount(new SingleConnectionDataSource(
                "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true), null);
    }

    @Test
    void stationsRegisteredBeforeAccountListsKeepEveryAccountOnPostgres() {
        stationsKeepEveryAccount(TestPostgres.dataSource(), "upgrade_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * V25: a station registered before the lists existed is given every account from its
     * registration; a revoked one none.
     */
    private static void stationsKeepEveryAccount(DataSource dataSource, String schema) {
        flyway(dataSource, schema).target("24").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String s = schema == null ? "" : schema + ".";
        for (String user : new String[] { "ana", "ben" }) {
            jdbc.sql("INSERT INTO " + s + "users (username, password, enabled) VALUES (:user, 'x', TRUE)")
                .param("user", user)
                .update();
        }
        for (String station : new String[] { "site-b", "stolen-pc" }) {
            jdbc.sql("INSERT INTO " + s + "station_key (key_id, central_key_id, issued_at) VALUES (:key, 'k1', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-02 08:00:00+00')")
                .param("key", "st-" + station)
                .update();
            jdbc.sql("INSERT INTO " + s + "station (name, key_id, token_hash, created_at, created_by) VALUES (:name, "
                    + ":key, :hash, TIMESTAMP WITH TIME ZONE '2026-11-02 08:00:00+00', 'admin')")
                .param("name", station)
                .param("key", "st-" + station)
                .param("hash", station.length() + "0".repeat(63))
                .update();
        }
        jdbc.sql("UPDATE " + s + "station SET revoked_at = CURRENT_TIMESTAMP, revoked_by = 'admin' "
                + "WHERE name = 'stolen-pc'")
            .update();

        flyway(dataSource, schema).load().migrate();

        assertThat(jdbc
            .sql("SELECT station, username, allowed_by, allowed_until FROM " + s
                    + "station_account ORDER BY station, username")
            .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getObject(4))
            .list()).containsExactly("site-b ana V25 null", "site-b ben V25 null");
        assertThat(jdbc.sql("SELECT allowed_from FROM " + s + "station_account WHERE username = 'ana'")
            .query(java.time.OffsetDateTime.class)
            .single()
            .toInstant()).isEqualTo(java.time.Instant.parse("2026-11-02T08:00:00Z"));
    }

    /**
     * On PostgreSQL a schema of its own, as the server is shared with the other tests; H2
     * gets a new database.
     */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource,
            String schema) {
        var configuration = Flyway.configure().dataSource(dataSource);
        return schema == null ? configuration : configuration.schemas(schema);
    }

    private static void upgrades(DataSource dataSource, String schema) {
        flyway(dataSource, schema).target("2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        String s = schema == null ? "" : schema + ".";
        UUID ingredient = UUID.randomUUID();
        UUID formula = UUID.randomUUID();
        jdbc.sql("INSERT INTO " + s + "ingredient (id, code, name, primary_code_value, parser) VALUES (:id, 'ETH-001', "
                + "'Ethanol', 'ING-ETH-001', 'plain')")
            .param("id", ingredient)
            .update();
        jdbc.sql("INSERT INTO " + s + "ingredient_code (ingredient_id, code_value, kind) VALUES (:id, '4006381333931', "
                + "'alternative')")
            .param("id", ingredient)
            .update();
        jdbc.sql("INSERT INTO " + s + "ingredient_code (ingredient_id, code_value, kind) VALUES (:id, 'ing-eth-001', "
                + "'alternative')")
            .param("id", ingredient)
            .update();
        jdbc.sql("INSERT INTO " + s + "formula (id, code, name, created_at) VALUES (:id, 'PRM1', 'Old name', "
                + "CURRENT_TIMESTAMP)")
            .param("id", formula)
            .update();
        UUID[] versions = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };
        String[] statuses = { "released", "released", "draft", "draft" };
        for (int i = 0; i < versions.length; i++) {
            boolean released = statuses[i].equals("released");
            jdbc.sql("INSERT INTO " + s
                    + "formula_version (id, formula_id, version_no, status, batch_amount, batch_unit, "
                    + "released_at, released_by) VALUES (:id, :formula, :no, :status, 100, 'g', :at, :by)")
                .param("id", versions[i])
                .param("formula", formula)
                .param("no", i + 1)
                .param("status", statuses[i])
                .param("at", released ? java.time.OffsetDateTime.now() : null)
                .param("by", released && i == 0 ? "lead" : null)
                .update();
            jdbc.sql("INSERT INTO " + s + "formula_line (formula_version_id, line_no, ingredient_id, fraction) "
                    + "VALUES (:version, 1, :ingredient, 1)")
                .param("version", versions[i])
                .param("ingredient", ingredient)
                .update();
        }

        flyway(dataSource, schema).load().migrate();

        assertThat(
                jdbc.sql("SELECT status FROM " + s + "formula_version ORDER BY version_no").query(String.class).list())
            .containsExactly("retired", "released", "retired", "draft");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM " + s + "formula_version WHERE released_of = :formula")
            .param("formula", formula)
            .query(Integer.class)
            .single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT version_no FROM " + s + "formula_version WHERE draft_of = :formula")
            .param("formula", formula)
            .query(Integer.class)
            .single()).isEqualTo(4);
        assertThat(jdbc
            .sql("SELECT COUNT(*) FROM " + s + "formula_version WHERE name = 'Old name' AND created_at IS NOT NULL")
            .query(Integer.class)
            .single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT kind || ' ' || code_value FROM " + s + "ingredient_code ORDER BY kind")
            .query(String.class)
            .list()).containsExactly("alternative 4006381333931", "primary ING-ETH-001");
        assertThat(jdbc.sql("SELECT released_by FROM " + s + "formula_version WHERE version_no = 2")
            .query(String.class)
            .single()).isEqualTo("(before version 3)");
    }

}
