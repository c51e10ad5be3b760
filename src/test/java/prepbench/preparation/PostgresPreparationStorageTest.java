package prepbench.preparation;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/** Session storage on a real PostgreSQL server. */
class PostgresPreparationStorageTest extends PreparationStorageScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

}
