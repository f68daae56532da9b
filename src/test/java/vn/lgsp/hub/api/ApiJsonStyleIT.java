package vn.lgsp.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The hub's own API speaks one JSON dialect, camelCase: every property of every schema an {@code /api/v1/**}
 * operation reads or answers, as the published OpenAPI description shows it. Contracts of other systems (the
 * portal's Vietnamese names, the payment platforms' callbacks) are not under {@code /api/v1} schemas and so not
 * checked here.
 */
class ApiJsonStyleIT extends HubIntegrationTest {

    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    /** Names allowed although not camelCase, each with the reason; keep this empty unless a standard demands it. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "$schema", "JSON Schema's own keyword, in the published dossier schema");

    @Test
    void everyPropertyOfTheApiIsCamelCase() {
        JsonNode api = hub.get("/v3/api-docs", null).json();
        JsonNode schemas = api.path("components").path("schemas");

        Deque<String> where = new ArrayDeque<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        api.get("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1/")) {
                path.getValue().fields().forEachRemaining(operation -> {
                    String at = operation.getKey().toUpperCase() + " " + path.getKey();
                    operation.getValue().path("requestBody").path("content")
                            .forEach(media -> { todo.add(media.path("schema")); where.add(at + " request"); });
                    operation.getValue().path("responses").fields().forEachRemaining(answer -> answer.getValue()
                            .path("content").forEach(media -> {
                                todo.add(media.path("schema"));
                                where.add(at + " " + answer.getKey());
                            }));
                });
            }
        });
        assertThat(todo).as("bodies of /api/v1 operations in the description").hasSizeGreaterThan(20);

        Set<String> seen = new HashSet<>();
        Set<String> offending = new TreeSet<>();
        while (!todo.isEmpty()) {
            JsonNode schema = todo.poll();
            String at = where.poll();
            if (schema.has("$ref")) {
                String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
                if (seen.add(name)) {
                    todo.add(schemas.path(name));
                    where.add(name);
                }
                continue;
            }
            schema.path("properties").fields().forEachRemaining(property -> {
                if (!CAMEL_CASE.matcher(property.getKey()).matches() && !EXCEPTIONS.containsKey(property.getKey())) {
                    offending.add(at + "." + property.getKey());
                }
                todo.add(property.getValue());
                where.add(at + "." + property.getKey());
            });
            for (String nested : new String[] {"items", "additionalProperties"}) {
                if (schema.path(nested).isObject()) {
                    todo.add(schema.get(nested));
                    where.add(at + "[]");
                }
            }
            for (String combined : new String[] {"allOf", "anyOf", "oneOf"}) {
                schema.path(combined).forEach(part -> { todo.add(part); where.add(at); });
            }
        }

        assertThat(offending).as("properties of /api/v1 bodies that are not camelCase").isEmpty();
        assertThat(seen).as("schemas reached from /api/v1 operations")
                .contains("DocumentRequest", "RequestSummary", "ReceivedDocument", "AxisDeadLetter", "AccessRefusal");
    }
}
