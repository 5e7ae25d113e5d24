package io.rebatch.app.serve;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The served OpenAPI document ({@code /v3/api-docs}) as a contract every answer must keep: an answer to a
 * documented operation must have a documented status and media type, and its body must validate against that
 * response's schema (networknt json-schema-validator, OpenAPI 3.1 dialect). The document is made strict before use:
 * every object schema with {@code properties} and no {@code additionalProperties} gets
 * {@code additionalProperties: false}, so a field the server sends but the document does not name fails — the
 * document must describe everything the app receives, not a subset.
 */
final class OpenApiContract {
    private static final String DOCUMENT = "https://rebatch.test/openapi.json";

    private record Operation(Pattern path, String template, String method) {
    }

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OpenApiContract(String documentJson) {
        this.document = ApiClient.JSON.readTree(documentJson);
        JsonNode strict = document.deepCopy();
        forbidUndocumentedFields(strict);
        String strictText = ApiClient.JSON.writeValueAsString(strict);
        this.registry = SchemaRegistry.withDefaultDialect(document.path("openapi").asString().startsWith("3.0")
                ? Dialects.getOpenApi30() : Dialects.getOpenApi31(), b -> b.schemas(Map.of(DOCUMENT, strictText)));
        for (Map.Entry<String, JsonNode> p : document.path("paths").properties()) {
            Pattern regex = Pattern.compile(p.getKey().replaceAll("\\{[^/}]+}", "[^/]+"));
            for (String method : p.getValue().propertyNames()) {
                operations.add(new Operation(regex, p.getKey(), method.toUpperCase(java.util.Locale.ROOT)));
            }
        }
    }

    JsonNode document() {
        return document;
    }

    /** {@code METHOD template status} of every checked answer, e.g. {@code GET /api/v1/me/balance 200}. */
    Set<String> seen() {
        return new TreeSet<>(seen);
    }

    /** {@code METHOD template} of every documented operation. */
    Set<String> operations() {
        Set<String> out = new TreeSet<>();
        operations.forEach(o -> out.add(o.method() + " " + o.template()));
        return out;
    }

    /** Fails unless the answer keeps the document; answers to undocumented operations are not the contract's. */
    void check(ApiClient.Reply reply) {
        Operation op = operations.stream().filter(o -> o.method().equals(reply.method())
                && o.path().matcher(reply.path()).matches()).findFirst().orElse(null);
        if (op == null) {
            return;
        }
        String status = Integer.toString(reply.status());
        JsonNode responses = document.path("paths").path(op.template()).path(op.method().toLowerCase(java.util.Locale.ROOT))
                .path("responses");
        if (!responses.has(status)) {
            throw new AssertionError("undocumented status " + status + " of " + op.method() + " " + op.template()
                    + " (documented: " + responses.propertyNames() + "): " + reply);
        }
        seen.add(op.method() + " " + op.template() + " " + status);
        String responsePointer = "/paths/" + escape(op.template()) + "/" + op.method().toLowerCase(java.util.Locale.ROOT)
                + "/responses/" + status;
        JsonNode response = responses.path(status);
        if (response.has("$ref")) { // a shared response: #/components/responses/<name>
            responsePointer = response.get("$ref").asString().substring(1);
            response = document.at(responsePointer);
            if (response.isMissingNode()) {
                throw new AssertionError("dangling " + responses.path(status) + " of " + op.method() + " " + op.template());
            }
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!reply.body().isEmpty()) {
                throw new AssertionError("a body where the document has none: " + reply);
            }
            return;
        }
        String mediaType = reply.contentType().split(";")[0].trim();
        if (!content.has(mediaType)) {
            throw new AssertionError("undocumented media type '" + mediaType + "' (documented: "
                    + content.propertyNames() + "): " + reply);
        }
        if (reply.json() == null) {
            throw new AssertionError("not JSON: " + reply);
        }
        String pointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        List<Error> errors = schema.validate(reply.json());
        if (!errors.isEmpty()) {
            throw new AssertionError("the answer does not keep the OpenAPI document at " + pointer + ": "
                    + errors.stream().map(Error::toString).toList() + "\n" + reply);
        }
    }

    private static String escape(String jsonPointerToken) {
        return jsonPointerToken.replace("~", "~0").replace("/", "~1");
    }

    /** Adds {@code additionalProperties: false} to every object schema that lists properties and says nothing else. */
    private static void forbidUndocumentedFields(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.get("properties") instanceof ObjectNode && !o.has("additionalProperties")
                    && !o.has("unevaluatedProperties")) {
                o.put("additionalProperties", false);
            }
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                forbidUndocumentedFields(child);
            }
        }
    }
}
