package prepbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The floor for the browser timing: a server that does nothing but answer what PrepBench
 * answers a scan with, a 303 to a preparation, and a page of 200 bytes with the same
 * header element the timing waits for. What a browser needs for that on this machine is
 * the least any server could take; PrepBench's figures are read against it.
 */
final class FloorServer implements AutoCloseable {

    static final String PREPARATION = "/preparations/00000000-0000-0000-0000-000000000936";

    private static final byte[] PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>PRM00936</title></head><body><h1 data-testid=\"formula-code\">PRM00936</h1>"
            + "<p>Step 1 of 8: scan the container.</p></body></html>")
        .getBytes(StandardCharsets.UTF_8);

    private static final byte[] DASHBOARD = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Dashboard</title></head><body><form method=\"post\" action=\"/scan\">"
            + "<input id=\"scan\" name=\"raw\" autofocus></form></body></html>")
        .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    FloorServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/formula-first") || path.equals("/scan")) {
                exchange.getResponseHeaders().add("Location", PREPARATION);
                exchange.sendResponseHeaders(303, -1);
            }
            else if (path.equals(PREPARATION)) {
                send(exchange, PAGE);
            }
            else if (path.equals("/")) {
                send(exchange, DASHBOARD);
            }
            else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
