package prepbench.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body sent without a length (chunked, as a streaming client sends it) is counted as it
 * arrives: a JSON body within 1 MB is read as usual, one past it is refused, and a form
 * before sign-in must say its length. Over real HTTP, since only a real connection
 * carries a chunked body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChunkedBodiesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> chunked(String path, String contentType, byte[] body, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", contentType)
            // an input stream of unknown length goes out chunked
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (basic != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedJsonBodyWithinTheLimitIsReadAsUsual() throws Exception {
        HttpResponse<String> answer = chunked("/api/v1/preparations", "application/json",
                "{\"formulaCode\":\"NO-SUCH-FORMULA\"}".getBytes(StandardCharsets.UTF_8), "technician:tech123");
        // the body was read: the answer is about the formula it names, not about its
        // length
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("NO-SUCH-FORMULA");
    }

    @Test
    void aChunkedJsonBodyPastOneMegabyteIsRefusedAsItArrives() throws Exception {
        byte[] big = ("{\"formulaCode\":\"PRM00936\",\"bench\":\"" + "b".repeat(1100 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = chunked("/api/v1/preparations", "application/json", big, "technician:tech123");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 1 MB");
        HttpResponse<String> anonymous = chunked("/api/v1/preparations", "application/json", big, null);
        assertThat(anonymous.statusCode()).isEqualTo(413);
    }

    @Test
    void aChunkedFormBeforeSignInIsRefusedUnread() throws Exception {
        HttpResponse<String> answer = chunked("/login", "application/x-www-form-urlencoded",
                "username=technician&password=tech123".getBytes(StandardCharsets.UTF_8), null);
        assertThat(answer.statusCode()).isEqualTo(413);
    }

}
