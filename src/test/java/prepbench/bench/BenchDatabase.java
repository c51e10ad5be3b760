package prepbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database a benchmark runs PrepBench on: an H2 file database of its own with the
 * embedded default's options, or PostgreSQL (the server named by
 * {@code PREPBENCH_TEST_POSTGRES_URL}, else an embedded one, stopped on close).
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the database ({@code h2} or {@code postgres}) and adds the properties that
     * point PrepBench at it.
     */
    static BenchDatabase start(String database, String name, List<String> properties) throws IOException {
        if (!database.equals("postgres")) {
            Path file = Files.createTempDirectory(name + "-h2").resolve("prepbench");
            properties.add("--spring.datasource.url=jdbc:h2:file:" + file
                    + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
            return new BenchDatabase(null);
        }
        String external = System.getenv("PREPBENCH_TEST_POSTGRES_URL");
        if (external != null) {
            properties.add("--spring.datasource.url=" + external);
            properties.add("--spring.datasource.username="
                    + System.getenv().getOrDefault("PREPBENCH_TEST_POSTGRES_USER", "postgres"));
            properties.add("--spring.datasource.password="
                    + System.getenv().getOrDefault("PREPBENCH_TEST_POSTGRES_PASSWORD", ""));
            return new BenchDatabase(null);
        }
        // as root, the embedded server runs as 'nobody', which must be able to reach its
        // directory
        Path home = Files.createTempDirectory(name + "-pg");
        home.toFile().setWritable(true, false);
        home.toFile().setExecutable(true, false);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(home.toFile())
            .setDataDirectory(home.resolve("data"))
            .start();
        properties.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        properties.add("--spring.datasource.username=postgres");
        return new BenchDatabase(postgres);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

}
