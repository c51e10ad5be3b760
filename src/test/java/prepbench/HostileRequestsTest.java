package prepbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Seeded hostile requests to every page and API endpoint the application maps, as
 * anonymous, every role and a disabled account: huge exponents, too many digits, deep
 * nesting, long strings, wrong types, broken JSON, odd parameters. Never a 5xx; every API
 * refusal is a ProblemDetail.
 */
@SpringBootTest(properties = "prepbench.test.context=hostile-requests")
@AutoConfigureMockMvc
class HostileRequestsTest {

    private static final List<String> VALUES = List.of("1e999999999", "-1e-999999999", "\"" + "x".repeat(20_000) + "\"",
            "123456789012345678901234567890", "true", "null", "[]", "{}", "\"\\u0000\"", "\"<script>\"", "0.1234567",
            "[".repeat(3000) + "]".repeat(3000), "\"F=PRM00936\"", "-1", "\"../../etc/passwd\"");

    private static final List<String> FIELDS = List.of("grams", "reason", "code", "formulaCode", "bench", "amount",
            "unit", "password", "currentPassword", "newPassword", "username", "fullName", "role", "revision", "lines",
            "name", "batchAmount", "meaning", "settleMs", "noiseG", "codeValue");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static RequestPostProcessor who(int role) {
        return switch (role) {
            case 0 -> anonymous();
            case 1 -> user("hostile-viewer").roles("VIEWER");
            case 2 -> user("hostile-technician").roles("TECHNICIAN");
            case 3 -> user("lablead").roles("LAB_LEAD");
            case 4 -> user("admin").roles("ADMIN");
            default -> httpBasic("nobody-disabled", "wrong password");
        };
    }

    private static String body(Random random) {
        StringBuilder json = new StringBuilder("{");
        int fields = 1 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            json.append(i == 0 ? "" : ",")
                .append('"')
                .append(FIELDS.get(random.nextInt(FIELDS.size())))
                .append("\":")
                .append(VALUES.get(random.nextInt(VALUES.size())));
        }
        return random.nextInt(10) == 0 ? json.toString() : json.append('}').toString();
    }

    @Test
    void hostileRequestsToEveryEndpointAreNeverA5xx() throws Exception {
        Map<String, String> samples = new LinkedHashMap<>(Map.of("id", "00000000-0000-0000-0000-000000000000",
                "sequence", "1", "code", "PRM00936", "versionNo", "1", "bench", "bench-1", "username", "viewer",
                "action", "unlock", "name", "no-such-token", "test", "00000000-0000-0000-0000-000000000000"));
        Random random = new Random(20261201);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : Endpoints.all(mappings)) {
            if (endpoint.contains("/stream")) {
                continue;
            }
            for (int role = 0; role < 6; role++) {
                for (int attempt = 0; attempt < 2; attempt++) {
                    Map<String, String> values = new LinkedHashMap<>(samples);
                    if (random.nextBoolean()) {
                        values
                            .replaceAll((key, value) -> List.of("%00", "x".repeat(300), "-1", "..%2F..", "%F0%9F%92%A5")
                                .get(random.nextInt(5)));
                    }
                    String body = body(random);
                    var request = Endpoints.request(endpoint, values)
                        .with(who(role))
                        .with(csrf())
                        .param(FIELDS.get(random.nextInt(FIELDS.size())), body);
                    if (!endpoint.startsWith("GET")) {
                        request.contentType(endpoint.contains(" /api/") ? MediaType.APPLICATION_JSON
                                : MediaType.APPLICATION_FORM_URLENCODED)
                            .content(body);
                    }
                    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                    if (response.getStatus() >= 500) {
                        wrong.add(endpoint + " as role " + role + ": " + response.getStatus() + " for "
                                + (body.length() > 120 ? body.substring(0, 120) + "…" : body));
                    }
                    else if (endpoint.contains(" /api/") && response.getStatus() >= 400
                            && !"application/problem+json".equals(response.getContentType())) {
                        wrong.add(endpoint + " as role " + role + ": " + response.getStatus() + " answered "
                                + response.getContentType() + ", not a ProblemDetail");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

}
