package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsAndOpenApiTest {
    private static ApiFixture api;
    private static String token;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite();
        token = api.login();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void metricsArePrometheusTextWithJvmAndHttpSeries() {
        api.send("GET", "/api/extensions", token, null);
        HttpResponse<String> r = api.send("GET", "/metrics", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(r.body()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads")
                .contains("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/api/extensions\"}");
    }

    @Test
    void openApiDocumentIsServedAsOpenApi31() {
        HttpResponse<String> r = api.send("GET", "/api/openapi.json", token, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/info/version").asText()).isEqualTo("1.2.3-test");
        assertThat(doc.at("/components/schemas/Extension").isObject()).isTrue();
    }

    @Test
    void everyReferenceInTheDocumentResolves() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(api.server.openApi().json());
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).as("$ref values").isNotEmpty()
                .allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        node.properties().forEach(e -> {
            if (e.getKey().equals("$ref")) {
                refs.add(e.getValue().asText());
            }
        });
        node.forEach(child -> collectRefs(child, refs));
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndNothingElse() {
        Set<RouteKey> registered = new HashSet<>(api.server.registeredRoutes());
        Set<RouteKey> documented = new HashSet<>(api.server.openApi().operations());
        assertThat(registered).as("routes registered in Javalin").isNotEmpty()
                .contains(new RouteKey("POST", "/api/extensions"), new RouteKey("GET", "/metrics"));
        assertThat(documented).as("OpenAPI operations vs registered routes").containsExactlyInAnyOrderElementsOf(registered);
    }
}
