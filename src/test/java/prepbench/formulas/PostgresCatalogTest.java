package prepbench.formulas;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/** Formula and ingredient management on a real PostgreSQL server. */
class PostgresCatalogTest extends CatalogScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

}
