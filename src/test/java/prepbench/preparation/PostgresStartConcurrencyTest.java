package prepbench.preparation;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/** The concurrency scenarios on a real PostgreSQL server. */
class PostgresStartConcurrencyTest extends StartConcurrencyScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

}
