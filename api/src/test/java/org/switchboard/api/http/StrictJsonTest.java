package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one JSON dialect of every route: repeated keys, fractions for whole numbers, control
 * characters in text and bodies not declared as JSON are refused before any route sees them.
 */
class StrictJsonTest {
    /** Test-only routes that read a body or parameters the way every feature does, and answer them. */
    static final class EchoRoutes implements Routes {
        record Sample(String name, Integer priority, long count, List<String> tags, Nested nested) {}

        record Nested(String label) {}

        @Override
        public void register(JavalinDefaultRoutingApi routes) {
            routes.post("/api/test/echo", ctx -> ctx.json(Json.read(ctx, Sample.class)));
            routes.get("/api/test/echo/{name}", ctx -> ctx.json(Map.of("name", ctx.pathParam("name"))));
        }

        @Override
        public String openApiResource() {
            return "openapi/test-echo.json";
        }
    }

    private static ApiFixture api;
    private static String token;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite(new EchoRoutes());
        token = api.login();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assert400(HttpResponse<String> r, String field, String exchange) {
        assertThat(r.statusCode()).as("%s: %s", exchange, r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).as(exchange).isEqualTo("validation");
        assertThat(json(r).at("/error/field").asText()).as("%s: %s", exchange, r.body()).isEqualTo(field);
    }

    @Test
    void aRepeatedKeyIs400NamingItInsteadOfTheLastOneWinning() {
        HttpResponse<String> r = api.send("POST", "/api/extensions", token,
                "{\"number\":\"2001\",\"number\":\"2002\",\"name\":\"A\",\"password\":\"secret-pass-1\"}");
        assert400(r, "number", "POST /api/extensions with number twice");
        assertThat(api.send("GET", "/api/extensions/2002", token, null).statusCode()).as("nothing was created").isEqualTo(404);

        assert400(api.send("POST", "/api/test/echo", token, "{\"name\":\"a\",\"count\":1,\"nested\":{\"label\":\"x\",\"label\":\"y\"}}"),
                "nested.label", "POST /api/test/echo with a nested key twice");
    }

    @Test
    void aFractionForAWholeNumberIs400InsteadOfBeingTruncated() {
        HttpResponse<String> boxed = api.send("POST", "/api/test/echo", token, "{\"name\":\"a\",\"priority\":1.5,\"count\":1}");
        assert400(boxed, "priority", "POST /api/test/echo priority 1.5");
        assertThat(json(boxed).at("/error/message").asText()).isEqualTo("must be a whole number");

        assert400(api.send("POST", "/api/test/echo", token, "{\"name\":\"a\",\"count\":2.0}"),
                "count", "POST /api/test/echo count 2.0");
        HttpResponse<String> whole = api.send("POST", "/api/test/echo", token, "{\"name\":\"a\",\"priority\":1,\"count\":2}");
        assertThat(whole.statusCode()).as("whole numbers still pass: %s", whole.body()).isEqualTo(200);
        assertThat(json(whole).get("priority").asInt()).isEqualTo(1);
    }

    @Test
    void aControlCharacterInAnyTextFieldIs400NamingTheField() {
        String[][] cases = {
                {"{\"number\":\"2003\",\"name\":\"Line\\nBreak\",\"password\":\"secret-pass-1\"}", "name"},
                {"{\"number\":\"2003\",\"name\":\"Nul\\u0000\",\"password\":\"secret-pass-1\"}", "name"},
                {"{\"number\":\"2003\\r\",\"name\":\"A\",\"password\":\"secret-pass-1\"}", "number"},
                {"{\"number\":\"2003\",\"name\":\"Esc\\u001b[31m\",\"password\":\"secret-pass-1\"}", "name"},
                {"{\"number\":\"2003\",\"name\":\"C1\\u0085\",\"password\":\"secret-pass-1\"}", "name"},
                {"{\"number\":\"2003\",\"name\":\"Tab\\there\",\"password\":\"secret-pass-1\"}", "name"},
                {"{\"number\":\"2003\",\"name\":\"A\",\"email\":\"a@b.c\\u2028\",\"password\":\"secret-pass-1\"}", "email"},
        };
        for (String[] c : cases) {
            assert400(api.send("POST", "/api/extensions", token, c[0]), c[1], "POST /api/extensions " + c[0]);
        }
        assertThat(api.send("GET", "/api/extensions/2003", token, null).statusCode()).as("nothing was created").isEqualTo(404);

        assert400(api.send("POST", "/api/test/echo", token, "{\"name\":\"a\",\"count\":1,\"tags\":[\"ok\",\"bad\\n\"]}"),
                "tags.[1]", "POST /api/test/echo with a line break in a list item");
        HttpResponse<String> unicode = api.send("POST", "/api/test/echo", token, "{\"name\":\"Zoë 名前 ☎\",\"count\":1}");
        assertThat(unicode.statusCode()).as("printable Unicode still passes: %s", unicode.body()).isEqualTo(200);
    }

    @Test
    void aControlCharacterInAQueryOrPathParameterIs400NamingIt() {
        assert400(api.send("GET", "/api/test/echo/a%0Ab?x=1", token, null), "name", "GET /api/test/echo/a%0Ab");
        assert400(api.send("GET", "/api/test/echo/ab?filter=" + URLEncoder.encode("x\u0000y", StandardCharsets.UTF_8), token, null),
                "filter", "GET /api/test/echo/ab?filter=x%00y");
        assertThat(api.send("GET", "/api/test/echo/ab?filter=x", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyNotDeclaredAsJsonIs415() throws Exception {
        String body = "{\"number\":\"2004\",\"name\":\"A\",\"password\":\"secret-pass-1\"}";
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "text/json"}) {
            HttpResponse<String> r = api.send("POST", "/api/extensions", token, body, "Content-Type", type);
            assertThat(r.statusCode()).as("POST /api/extensions as %s: %s", type, r.body()).isEqualTo(415);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("unsupported_media_type");
        }
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + "/api/extensions"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(none.statusCode()).as("POST /api/extensions without Content-Type: %s", none.body()).isEqualTo(415);
        assertThat(api.send("GET", "/api/extensions/2004", token, null).statusCode()).as("nothing was created").isEqualTo(404);
        HttpResponse<String> charset = api.send("POST", "/api/extensions", token, body, "Content-Type", "Application/JSON; charset=utf-8");
        assertThat(charset.statusCode()).as("application/json with a charset: %s", charset.body()).isEqualTo(201);
    }
}
