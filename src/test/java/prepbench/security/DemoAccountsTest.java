package prepbench.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo accounts are written only into an empty accounts table: one removed or changed
 * stays so at the next start.
 */
@SpringBootTest(properties = "prepbench.test.context=demo-accounts")
class DemoAccountsTest {

    @Autowired
    AccountManagement accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoAccountsAreNeverRecreated() {
        assertThat(accounts.list()).extracting(Account::username)
            .containsExactlyInAnyOrder("admin", "lablead", "technician", "viewer");
        jdbc.sql("DELETE FROM authorities WHERE username = 'viewer'").update();
        jdbc.sql("DELETE FROM users WHERE username = 'viewer'").update();
        jdbc.sql("UPDATE users SET password = '{noop}changed-by-the-lab' WHERE username = 'admin'").update();

        new DemoAccounts(accounts).run(null);

        assertThat(accounts.find("viewer")).isEmpty();
        assertThat(jdbc.sql("SELECT password FROM users WHERE username = 'admin'").query(String.class).single())
            .isEqualTo("{noop}changed-by-the-lab");
    }

}
