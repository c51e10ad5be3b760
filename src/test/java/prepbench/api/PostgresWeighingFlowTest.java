package prepbench.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import prepbench.support.TestPostgres;

/** The weighing flow on a real PostgreSQL server. */
class PostgresWeighingFlowTest extends WeighingFlowScenarios {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

}
