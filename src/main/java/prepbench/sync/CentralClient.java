package prepbench.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

import prepbench.audit.StationKeys;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A station's two calls to its central, over HTTP(S) with the station's token: send
 * events, fetch the reference data.
 */
@Component
class CentralClient {

    /** Central could not be reached, or did not answer as central does. */
    static class Unreachable extends Exception {

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }

    }

    private final HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(3))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private final SyncProperties properties;

    private final JsonMapper json;

    /** What each request carries: derived from the token, never the token itself. */
    private final String authentication;

    CentralClient(SyncProperties properties, JsonMapper json) {
        this.authentication = properties.isStation() ? StationKeys.authenticationOf(properties.token()) : null;
        this.properties = properties;
        this.json = json;
    }

    Wire.Answer send(Wire.Batch batch) throws Unreachable {
        return call(HttpRequest.newBuilder(uri("/api/v1/central/events"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(batch))), Wire.Answer.class);
    }

    Wire.Reference reference() throws Unreachable {
        return call(HttpRequest.newBuilder(uri("/api/v1/central/reference")).GET(), Wire.Reference.class);
    }

    private <T> T call(HttpRequest.Builder request, Class<T> answer) throws Unreachable {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + authentication)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException down) {
            throw new Unreachable("central (" + properties.centralUrl() + ") cannot be reached: "
                    + (down.getMessage() == null ? down.getClass().getSimpleName() : down.getMessage()), down);
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new Unreachable("stopped while waiting for central", stopping);
        }
        if (response.statusCode() == 401) {
            throw new Unreachable("central refuses this station's token (401): ask central's admin whether the "
                    + "station is registered, and set the token it was given as prepbench.sync.token", null);
        }
        if (response.statusCode() != 200) {
            throw new Unreachable("central answered " + response.statusCode() + " at " + response.uri().getPath(),
                    null);
        }
        try {
            return json.readValue(response.body(), answer);
        }
        catch (JacksonException notCentral) {
            throw new Unreachable("central's answer at " + response.uri().getPath() + " is not what central sends",
                    notCentral);
        }
    }

    private URI uri(String path) {
        String base = properties.centralUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

}
