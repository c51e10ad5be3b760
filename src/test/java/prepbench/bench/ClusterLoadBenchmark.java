package prepbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import prepbench.PrepBenchApplication;
import prepbench.audit.AuditTrail;
import prepbench.scales.simulator.ScaleSimulatorServer;
import prepbench.support.Processes;

/**
 * The load benchmark (the same flows as {@link LoadBenchmark}: scan → start-or-resume →
 * page → abort) against PrepBench as a cluster on one PostgreSQL: first one instance
 * alone, then three instances behind nginx (Debian's package, round robin with
 * keep-alive). Instance a runs in this JVM (its database and audit trail are read for the
 * invariants after each run), b and c are processes of their own. Every bench has a
 * real-protocol balance (one MT-SICS simulator serves them all), polled once a second: a
 * cluster has no simulated balances. Run by hand:
 * {@code bench/load.sh cluster [seconds per run=30] [warm-up seconds=10]}.
 */
public final class ClusterLoadBenchmark {

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 30);
        Duration warmUp = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int benchCount = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path home = Files.createTempDirectory("prepbench-cluster-load");
        List<String> properties = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--prepbench.demo-data=true", "--prepbench.lock.max-consecutive-failures=0",
                "--logging.level.root=WARN", "--server.tomcat.threads.max=200",
                "--spring.datasource.hikari.maximum-pool-size=16", "--prepbench.simulated-benches=0",
                "--prepbench.cluster.enabled=true", "--prepbench.audit.key-file=" + home.resolve("audit.key"),
                "--prepbench.audit.checkpoint-dir=" + home.resolve("checkpoints")));
        BenchDatabase database = BenchDatabase.start("postgres", "prepbench-cluster-load", properties);
        List<Process> others = new ArrayList<>();
        Process nginx = null;
        try (ScaleSimulatorServer balance = new ScaleSimulatorServer("mt-sics", 0, 0)) {
            for (int bench = 1; bench <= benchCount; bench++) {
                String prefix = "--prepbench.benches[" + (bench - 1) + "]";
                properties.add(prefix + ".id=bench-" + bench);
                properties.add(prefix + ".scale.protocol=mt-sics");
                properties.add(prefix + ".scale.host=127.0.0.1");
                properties.add(prefix + ".scale.port=" + balance.port());
                properties.add(prefix + ".scale.poll-interval-ms=1000");
            }
            List<String> first = new ArrayList<>(properties);
            first.add("--server.port=0");
            first.add("--prepbench.cluster.instance-id=a");
            ConfigurableApplicationContext app = SpringApplication.run(PrepBenchApplication.class,
                    first.toArray(String[]::new));
            try {
                String a = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                List<String> bases = new ArrayList<>(List.of(a));
                for (String name : List.of("b", "c").subList(0, instances - 1)) {
                    int port = Processes.freePort();
                    List<String> command = new ArrayList<>(
                            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp",
                                    System.getProperty("java.class.path"), PrepBenchApplication.class.getName(),
                                    "--server.port=" + port, "--prepbench.cluster.instance-id=" + name));
                    command.addAll(properties);
                    others.add(new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(home.resolve(name + ".log").toFile())
                        .start());
                    bases.add("http://127.0.0.1:" + port);
                    Processes.awaitUp(bases.get(bases.size() - 1), others.get(others.size() - 1),
                            Duration.ofSeconds(120));
                }
                Map<String, String> targets = new LinkedHashMap<>(Map.of("one instance", a));
                if (instances > 1) {
                    int proxyPort = Processes.freePort();
                    nginx = nginx(home, proxyPort, bases);
                    String proxy = "http://127.0.0.1:" + proxyPort;
                    Processes.awaitUp(proxy, nginx, Duration.ofSeconds(30));
                    targets.put(instances + " instances + nginx", proxy);
                }

                JdbcClient jdbc = app.getBean(JdbcClient.class);
                AuditTrail audit = app.getBean(AuditTrail.class);
                List<String> formulas = LoadFixture.formulas(jdbc, "f", 8);
                List<String> technicians = LoadFixture.technicians(jdbc, "t", 128);
                Map<String, LoadHarness.Result> runs = new LinkedHashMap<>();
                for (var target : targets.entrySet()) {
                    LoadBenchmark.run(runs, target.getKey() + ", open loop 50/s, 32 technicians",
                            new LoadHarness.Options(target.getValue(), technicians.subList(0, 32), LoadFixture.PASSWORD,
                                    formulas, 50, warmUp, duration),
                            jdbc, audit);
                    for (int count : new int[] { 8, 32, 128 }) {
                        LoadBenchmark.run(runs, target.getKey() + ", closed loop, " + count + " technicians",
                                new LoadHarness.Options(target.getValue(), technicians.subList(0, count),
                                        LoadFixture.PASSWORD, formulas, 0, warmUp, duration),
                                jdbc, audit);
                    }
                }
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("database", "postgres");
                meta.put("instances", instances);
                meta.put("benches", benchCount);
                meta.put("proxy", "nginx");
                meta.put("cores", Runtime.getRuntime().availableProcessors());
                meta.put("java", System.getProperty("java.version"));
                meta.put("durationSeconds", duration.toSeconds());
                LoadReport.write(Path.of("target", "load", "cluster"), meta, runs);
                System.out.println("written target/load/cluster/results.json and latency.html");
            }
            finally {
                if (nginx != null) {
                    nginx.destroy();
                }
                others.forEach(Process::destroy);
                app.close();
            }
        }
        finally {
            database.close();
        }
        System.exit(0);
    }

    /**
     * nginx in front of the instances, as docs/cluster.md configures it: round robin, a
     * keep-alive pool to the instances, the live stream unbuffered.
     */
    private static Process nginx(Path home, int port, List<String> bases) throws IOException {
        StringBuilder servers = new StringBuilder();
        bases.forEach(base -> servers.append("    server ").append(base.substring("http://".length())).append(";\n"));
        Path conf = home.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log warn;
                events { worker_connections 4096; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  upstream prepbench {
                %2$s    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://prepbench;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_buffering off;
                      proxy_read_timeout 1h;
                    }
                  }
                }
                """.formatted(home, servers, port));
        return new ProcessBuilder("nginx", "-p", home.toString(), "-c", conf.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("nginx.log").toFile())
            .start();
    }

}
