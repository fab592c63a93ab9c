package org.switchboard.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI 3.1 document served at {@code /api/openapi.json}: a hand-written base
 * ({@code openapi/base.json}) plus one hand-written fragment per {@link Routes}, merged at start.
 * Immutable after construction; any thread may read it.
 */
public final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final ObjectNode document;

    public OpenApiDocument(String version, List<String> fragmentResources) {
        document = (ObjectNode) load("openapi/base.json");
        document.withObject("/info").put("version", version);
        ObjectNode paths = document.withObject("/paths");
        ObjectNode schemas = document.withObject("/components/schemas");
        for (String resource : fragmentResources) {
            JsonNode fragment = load(resource);
            fragment.path("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
            fragment.path("components").path("schemas").properties().forEach(e -> schemas.set(e.getKey(), e.getValue()));
        }
    }

    /** The merged document as JSON text. */
    public String json() {
        return document.toString();
    }

    /** Every operation the document describes, as {@code METHOD path} with Javalin-style path templates. */
    public Set<RouteKey> operations() {
        Set<RouteKey> result = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    result.add(new RouteKey(op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        return result;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("OpenAPI resource missing from the classpath: " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading OpenAPI resource " + resource, e);
        }
    }
}
