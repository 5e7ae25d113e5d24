package io.rebatch.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the served OpenAPI document ({@code /v3/api-docs}) must say beyond what springdoc reads from the
 * controllers, so that an app generated from it handles every answer the API gives:
 * <ul>
 *   <li>the errors: a {@code Problem} schema (RFC 9457 with the {@code reason} every error carries) and the
 *       responses {@code #/components/responses/<status>} the controllers refer to for their own refusals
 *       ({@link #BAD_REQUEST}, …), plus 401, 403 and 500, which every operation can answer (Spring Security and
 *       {@code ProblemAdvice} write them, not the controllers);</li>
 *   <li>that every field of a response is always present: the views are written with all their fields (null
 *       where the view says so, as {@code type: [..., "null"]}), so every property of a component schema is
 *       {@code required}.</li>
 * </ul>
 * The REST ITs validate every answer against this document with undocumented fields forbidden.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String UNPROCESSABLE = "#/components/responses/UnprocessableContent";

    private static final String PROBLEM = "Problem";

    /** The shared responses, by name: status and description. */
    private static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put("BadRequest", new String[] {"400", "a malformed request: a parameter, header or body that is"
                + " not what the operation takes (reason INVALID_REQUEST, or INVALID_CURSOR for a cursor this API did"
                + " not issue for this user and filter)"});
        RESPONSES.put("Unauthenticated", new String[] {"401", "no bearer token, or one that is not a valid HS256 JWT"
                + " of this API (reason UNAUTHENTICATED)"});
        RESPONSES.put("Forbidden", new String[] {"403", "the token's scope does not allow the operation (reason"
                + " INSUFFICIENT_SCOPE)"});
        RESPONSES.put("NotFound", new String[] {"404", "what the request names does not exist (reason USER_NOT_FOUND,"
                + " REPORT_NOT_FOUND)"});
        RESPONSES.put("Conflict", new String[] {"409", "refused by the account's state (reason INSUFFICIENT_BALANCE,"
                + " DAILY_LIMIT, NEGATIVE_BALANCE)"});
        RESPONSES.put("UnsupportedMediaType", new String[] {"415", "the body is not application/json"});
        RESPONSES.put("UnprocessableContent", new String[] {"422", "well-formed but not acceptable (reason"
                + " BELOW_MINIMUM, INVALID_REQUEST, IDEMPOTENCY_KEY_REUSED)"});
        RESPONSES.put("InternalError", new String[] {"500", "an unexpected failure (reason INTERNAL_ERROR); nothing"
                + " was changed that the answer does not say"});
    }

    @Bean
    OpenApiCustomizer problemsAndRequiredFields() {
        return openApi -> {
            requireEveryField(openApi);
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            RESPONSES.forEach((name, r) -> openApi.getComponents().addResponses(name, new ApiResponse()
                    .description(r[1]).content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
            if (openApi.getPaths() == null) {
                return;
            }
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation op : path.readOperations()) {
                    ApiResponses responses = op.getResponses();
                    for (String name : List.of("Unauthenticated", "Forbidden", "InternalError")) {
                        responses.putIfAbsent(RESPONSES.get(name)[0],
                                new ApiResponse().$ref("#/components/responses/" + name));
                    }
                }
            }
        };
    }

    private static void requireEveryField(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem detail with the machine-readable"
                + " reason the app switches on");
        problem.addProperty("type", new StringSchema().format("uri").description("urn:rebatch:problem:<reason>"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("one line for humans; never a token, secret"
                + " or payee data"));
        problem.addProperty("instance", new StringSchema().description("the request path"));
        problem.addProperty("reason", new StringSchema().description("e.g. INVALID_REQUEST, INVALID_CURSOR,"
                + " UNAUTHENTICATED, INSUFFICIENT_SCOPE, INSUFFICIENT_BALANCE, DAILY_LIMIT, NEGATIVE_BALANCE,"
                + " BELOW_MINIMUM, IDEMPOTENCY_KEY_REUSED, USER_NOT_FOUND, REPORT_NOT_FOUND, INTERNAL_ERROR"));
        problem.setRequired(List.of("type", "title", "status", "detail", "reason"));
        return problem;
    }
}
