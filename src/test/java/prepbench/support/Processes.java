package prepbench.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * PrepBench run as processes of its own, for the tests and benchmarks that need several
 * instances or a SIGKILL.
 */
public final class Processes {

    private Processes() {
    }

    /** A TCP port free now, for an instance to listen on. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the instance at {@code base} answers its health check with 200.
     * @param process the instance's process, whose end stops the wait; null when it runs
     * elsewhere
     * @throws IllegalStateException when the process ended or the time ran out
     */
    public static void awaitUp(String base, Process process, Duration within) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("The instance at " + base + " stopped");
            }
            try {
                if (http
                    .send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "The instance at " + base + " did not start within " + within.toSeconds() + " s");
    }

}
