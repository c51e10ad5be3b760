package prepbench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests: the one named by
 * {@code PREPBENCH_TEST_POSTGRES_URL} (with {@code PREPBENCH_TEST_POSTGRES_USER} and
 * {@code PREPBENCH_TEST_POSTGRES_PASSWORD}), or else an embedded PostgreSQL 15 started
 * once per test JVM.
 */
public final class TestPostgres {

    private static String url;

    private static String user;

    private static String password;

    private TestPostgres() {
    }

    /** Points the Spring context's data source at the test PostgreSQL server. */
    public static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /**
     * A connection pool-less data source on the test PostgreSQL server, for tests that
     * run Flyway themselves.
     */
    public static javax.sql.DataSource dataSource() {
        start();
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(url, user, password);
    }

    /** A database on the test server: where it is and who may use it. */
    public record Database(String url, String user, String password) {
    }

    /**
     * A new, empty database on the test PostgreSQL server, for a test whose processes
     * share a database no other test writes to.
     */
    public static Database freshDatabase(String prefix) {
        start();
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, user, password);
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        catch (java.sql.SQLException failed) {
            throw new IllegalStateException("Could not create the test database " + name, failed);
        }
        return new Database(url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password);
    }

    private static synchronized void start() {
        if (url != null) {
            return;
        }
        String external = System.getenv("PREPBENCH_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = System.getenv().getOrDefault("PREPBENCH_TEST_POSTGRES_USER", "postgres");
            password = System.getenv().getOrDefault("PREPBENCH_TEST_POSTGRES_PASSWORD", "");
            return;
        }
        try {
            // As root, the embedded server runs as 'nobody', which must be able to reach
            // its directories.
            Path home = Files.createTempDirectory("prepbench-pg-");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(home.toFile())
                .setDataDirectory(home.resolve("data"))
                .setCleanDataDirectory(true)
                .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with the machine's
                    // /tmp cleanup
                }
            }));
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        catch (IOException failed) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", failed);
        }
    }

}
