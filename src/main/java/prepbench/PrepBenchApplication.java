package prepbench;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** PrepBench: guided formula preparations at the weighing bench. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PrepBenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrepBenchApplication.class, args);
    }

    /**
     * The server's UTC clock: every recorded time comes from here, never from a client.
     * It ticks in microseconds, the precision both databases store, so a time read back
     * equals the time written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

}
