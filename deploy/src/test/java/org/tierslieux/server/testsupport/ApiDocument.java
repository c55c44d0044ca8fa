package org.tierslieux.server.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The application's OpenAPI document ({@code /api/**} and {@code /ical/**}), read at run time. */
public final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDocument() {}

    /** One operation of the document: a method and a path template with its node. */
    public record Operation(String method, String path, JsonNode node) {
        public String key() {
            return method + " " + path;
        }

        /** The operation's parameters and those of its path item. */
        public List<JsonNode> parameters(JsonNode document) {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            document.path("paths").path(path).path("parameters").forEach(parameters::add);
            return parameters;
        }
    }

    /** The document as the application serves it at {@code /q/openapi}. */
    public static JsonNode fetch() {
        try {
            return JSON.readTree(Demo.anonymous()
                    .accept("application/json")
                    .get("/q/openapi?format=json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode node = path.getValue().get(method);
                if (node != null) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), node));
                }
            }
        });
        return operations;
    }

    /** The schema a {@code $ref} points to (followed up to ten times). */
    public static JsonNode resolve(JsonNode schema, JsonNode document) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = document.at(ref.substring(1));
        }
        return s;
    }
}
