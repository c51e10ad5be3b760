package prepbench.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import prepbench.access.Actor;

/**
 * The OpenAPI description of the JSON API ({@code /v3/api-docs}, and Swagger UI at
 * {@code /swagger-ui.html} for signed-in users): every operation with its summary, both
 * ways to sign in, and the problems (RFC 9457) it can answer, each with an example, in
 * the shape {@link ApiErrors} writes them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String PROBLEM = "application/problem+json";

    static {
        // the signed-in caller, resolved from the credentials: not a parameter a client
        // sends
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OpenAPI prepBenchApi() {
        return new OpenAPI()
            .info(new Info().title("PrepBench API")
                .version("v1")
                .description("Guided formula preparations: formulas and ingredients, preparations and their steps, "
                        + "balances, the audit trail, accounts and API tokens. Every error is a problem "
                        + "(RFC 9457, application/problem+json) whose detail says what to do; a refusal by a rule "
                        + "carries the rule's name as reason."))
            .components(new Components()
                .addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description("The username and password of a PrepBench account."))
                .addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("An API token an admin created (pbt_…), with the token's role."))
                .addSchemas("Problem", problemSchema()))
            .addSecurityItem(new SecurityRequirement().addList("basic"))
            .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Adds to every operation the problems it can answer, with an example of each. */
    @Bean
    OpenApiCustomizer problems() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            var responses = operation.getResponses();
            String instance = path.replace("{", "").replace("}", "");
            add(responses, "400",
                    "The request cannot be read: a parameter or a field of the body is missing, "
                            + "malformed or out of range; nothing was changed.",
                    example(400, "Bad Request",
                            "from: write a day as 2026-12-01, or a time in UTC as 2026-12-01T08:00:00Z.", instance,
                            null));
            add(responses, "401", "No credentials, or wrong ones: sign in with HTTP Basic or an API token.",
                    example(401, "Unauthorized", "Sign in with HTTP Basic (the username and password of a "
                            + "PrepBench account) or with an API token (Authorization: Bearer …, from an admin).",
                            instance, null));
            add(responses, "403", "The caller's role does not allow this; reason NOT_PERMITTED.",
                    example(403, "Forbidden", "Your role does not allow this. Ask a lab lead or an admin to do it, "
                            + "or to give your account the role it needs.", instance, "NOT_PERMITTED"));
            if (path.contains("{")) {
                add(responses, "404", "Nothing has the id or code in the path.", example(404, "Not Found",
                        "There is no preparation 7211561b-167f-4ab7-a468-40a9cdf6386d. Scan the formula to start "
                                + "one.",
                        instance, null));
            }
            if (method != PathItem.HttpMethod.GET) {
                add(responses, "409",
                        "Refused because of the state now (changed meanwhile, a bench in use, a "
                                + "formula's state); reason names it where there is one.",
                        example(409, "Refused",
                                "The draft was changed by lablead after you opened it, so your changes were not "
                                        + "saved. Reload it, then make your changes again.",
                                instance, "CHANGED_MEANWHILE"));
                add(responses, "422",
                        "A rule refused the action; nothing changed but the refusal is on record. "
                                + "reason names the rule, detail says what to do next.",
                        example(422, "Refused", "The balance is still moving. Wait for a stable reading, then capture.",
                                instance, "UNSTABLE"));
            }
        }));
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, String status,
            String description, Map<String, Object> example) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description)
            .content(new Content().addMediaType(PROBLEM,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example))));
    }

    private static Map<String, Object> example(int status, String title, String detail, String instance,
            String reason) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (reason != null) {
            problem.put("reason", reason);
        }
        return problem;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("A problem (RFC 9457)")
            .addProperty("type", new StringSchema().description("about:blank"))
            .addProperty("title", new StringSchema().description("the status in words, or Refused"))
            .addProperty("status", new IntegerSchema().description("the HTTP status"))
            .addProperty("detail", new StringSchema().description("what went wrong and what to do next"))
            .addProperty("instance", new StringSchema().description("the path of the request"))
            .addProperty("reason",
                    new StringSchema().description(
                            "the rule that refused, for scripts: UNSTABLE, " + "NOT_PERMITTED, CHANGED_MEANWHILE, …"))
            .addProperty("problems", new Schema<>().description("an import's problems: [{row, field, message}]"))
            .addProperty("errors", new Schema<>().description("a form's problems by field"));
    }

}
