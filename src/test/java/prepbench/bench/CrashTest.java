package prepbench.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The crash test: PrepBench runs as a separate process under load; it is killed with
 * SIGKILL, started again on the same database, and every start the server had
 * acknowledged (a 303 to the session) must be there with all its steps and its audit
 * events, every acknowledged abort must have stuck, and nothing partial may exist
 * anywhere. Run by hand: {@code bench/crash.sh h2|postgres}. Not a unit test: it needs
 * {@code target/test-classpath.txt}.
 */
public final class CrashTest {

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        String classpath = "target/classes:" + Files.readString(Path.of("target/test-classpath.txt")).strip();
        EmbeddedPostgres postgres = null;
        String url;
        String user;
        if (database.equals("postgres")) {
            Path home = Files.createTempDirectory("prepbench-crash-pg");
            home.toFile().setWritable(true, false);
            home.toFile().setExecutable(true, false);
            postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(home.toFile())
                .setDataDirectory(home.resolve("data"))
                .start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
        }
        else {
            // AUTO_SERVER: PrepBench's process owns the file; this process reaches it
            // through PrepBench, so the
            // kill takes the database down with the application, as a real crash would.
            url = "jdbc:h2:file:" + Files.createTempDirectory("prepbench-crash-h2").resolve("prepbench")
                    + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
            user = "sa";
        }
        List<String> command = List.of("java", "-Xmx1g", "-cp", classpath, "prepbench.PrepBenchApplication",
                "--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=", "--prepbench.demo-data=true",
                "--prepbench.lock.max-consecutive-failures=0", "--logging.level.root=WARN");
        String base = "http://127.0.0.1:" + port;
        Process app = start(command, base);
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(database.equals("postgres") ? org.postgresql.Driver.class : org.h2.Driver.class);
        dataSource.setUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword("");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String> formulas = LoadFixture.formulas(jdbc, "c", 4);
        List<String> technicians = LoadFixture.technicians(jdbc, "c", 16);

        Set<String> started = ConcurrentHashMap.newKeySet();
        Set<String> aborted = ConcurrentHashMap.newKeySet();
        LoadHarness harness = new LoadHarness(new LoadHarness.Options(base, technicians, LoadFixture.PASSWORD, formulas,
                0, Duration.ZERO, Duration.ofSeconds(20)))
            .acknowledged(started::add, aborted::add);
        Thread load = new Thread(() -> {
            try {
                harness.run();
            }
            catch (Exception stopped) {
                // the server went away under the load, which is the point
            }
        });
        load.start();
        Thread.sleep(6_000);
        long acknowledgedBeforeKill = started.size();
        app.destroyForcibly().waitFor();
        System.out.println("killed PrepBench (SIGKILL) after " + acknowledgedBeforeKill + " acknowledged starts");
        load.join();

        app = start(command, base);
        try {
            List<String> problems = new ArrayList<>();
            for (String id : started) {
                UUID session = UUID.fromString(id);
                var found = jdbc.sql("SELECT status, step_count FROM preparation_session WHERE id = :id")
                    .param("id", session)
                    .query((rs, n) -> new Object[] { rs.getString(1), rs.getInt(2) })
                    .optional();
                if (found.isEmpty()) {
                    problems.add("acknowledged start " + id + " is missing");
                    continue;
                }
                if (aborted.contains(id) && !"failed".equals(found.get()[0])) {
                    problems.add("acknowledged abort of " + id + " did not stick: " + found.get()[0]);
                }
            }
            HttpClient auditor = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            SignIn.signIn(auditor, base, "admin", "admin123");
            problems.addAll(Invariants.violations(jdbc, session -> chainProblem(auditor, base, session)));
            long sessions = jdbc.sql("SELECT COUNT(*) FROM preparation_session").query(Long.class).single();
            System.out.println("database " + database + ": " + started.size() + " starts and " + aborted.size()
                    + " aborts acknowledged; " + sessions + " sessions after restart");
            System.out.println(problems.isEmpty() ? "crash test PASSED: nothing acknowledged was lost, nothing partial"
                    : "crash test FAILED:\n  " + String.join("\n  ", problems));
            if (!problems.isEmpty()) {
                System.exit(1);
            }
        }
        finally {
            app.destroy();
            app.waitFor();
            if (postgres != null) {
                postgres.close();
            }
        }
        System.exit(0);
    }

    private static Process start(List<String> command, String base) throws IOException, InterruptedException {
        Process app = new ProcessBuilder(command).inheritIO().start();
        try {
            prepbench.support.Processes.awaitUp(base, app, Duration.ofSeconds(90));
            return app;
        }
        catch (IllegalStateException failed) {
            app.destroyForcibly();
            throw failed;
        }
    }

    /**
     * The session's audit chain as PrepBench itself verifies it on the record page; null
     * when intact.
     */
    private static String chainProblem(HttpClient auditor, String base, UUID session) {
        try {
            String page = auditor
                .send(HttpRequest.newBuilder(URI.create(base + "/preparations/" + session + "/record")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
            return page.contains("Audit trail intact") ? null : "the record page does not say the trail is intact";
        }
        catch (IOException | InterruptedException failed) {
            return "could not verify: " + failed;
        }
    }

}
