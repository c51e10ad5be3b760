package prepbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (MockMvc has no connector to compress): pages, stylesheets and scripts
 * travel gzipped to a browser that accepts it, and unchanged to one that does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompressionTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theStylesheetAndTheSignInPageTravelGzipped() throws Exception {
        for (String path : new String[] { "/css/bootstrap.min.css", "/login", "/css/prepbench.css" }) {
            HttpResponse<byte[]> plain = get(path, false);
            HttpResponse<byte[]> zipped = get(path, true);

            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().length);
            if (path.contains("bootstrap")) {
                assertThat(zipped.body().length).as("Bootstrap's rules").isLessThan(plain.body().length / 4);
            }
            try (GZIPInputStream unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
                byte[] body = unzipped.readAllBytes();
                if (!path.equals("/login")) {
                    assertThat(body).as(path).isEqualTo(plain.body());
                }
            }
        }
    }

}
