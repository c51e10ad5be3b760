package prepbench.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/** Accounts on a real PostgreSQL server. */
class PostgresAccountTest extends AccountScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

}
