package prepbench.scales.cluster;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import prepbench.scales.BenchMisconfigured;

/** The cluster's part of an instance, when {@code prepbench.cluster.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "prepbench.cluster.enabled", havingValue = "true")
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    BenchCluster benchCluster(DataSource dataSource, ClusterProperties properties, Environment environment,
            Clock clock) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new BenchMisconfigured(
                    "prepbench.cluster.enabled shares the benches between instances through PostgreSQL, and this "
                            + "instance's database is " + (url.isBlank() ? "the embedded one" : url) + ".",
                    "Run every instance on one PostgreSQL (--spring.profiles.active=postgres with PREPBENCH_DB_URL), "
                            + "or remove prepbench.cluster.enabled for a single instance.");
        }
        return new BenchCluster(dataSource, properties, url, environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"), clock);
    }

}
