package prepbench.scales.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import prepbench.support.TestPostgres;

/**
 * An instance's notifications on a real PostgreSQL: they arrive; when the database ends
 * the listening session (a restart, a failover, an administrator), the instance listens
 * again by itself and they arrive again.
 */
class NotificationsTest {

    @Test
    void aLostListeningConnectionListensAgainAndNotificationsArriveAgain() throws Exception {
        TestPostgres.Database database = TestPostgres.freshDatabase("notify");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(),
                database.password());
        BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        try (Notifications notifications = new Notifications(dataSource, database.url(), database.user(),
                database.password(), Map.of("prepbench_test", arrived::add))) {
            notifications.start();
            awaitTrue(notifications::listening, Duration.ofSeconds(10));
            notifications.send("prepbench_test", "one");
            assertThat(arrived.poll(5, TimeUnit.SECONDS)).isEqualTo("one");

            int ended = JdbcClient.create(dataSource)
                .sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = :name AND datname = current_database()")
                .param("name", Notifications.APPLICATION_NAME)
                .query(Integer.class)
                .single();
            assertThat(ended).isEqualTo(1);
            awaitTrue(() -> !notifications.listening(), Duration.ofSeconds(10));
            awaitTrue(notifications::listening, Duration.ofSeconds(10));

            notifications.send("prepbench_test", "two");
            assertThat(arrived.poll(5, TimeUnit.SECONDS)).isEqualTo("two");
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

}
