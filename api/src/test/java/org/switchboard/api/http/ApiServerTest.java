package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shared HTTP plumbing: request ids, security headers, auth filter, error mapping, JSON input rules. */
class ApiServerTest {
    /** Test-only routes: one that fails the way a bug would, to see what a 500 shows; one that reports its thread. */
    static final class FailingRoutes implements Routes {
        @Override
        public void register(JavalinDefaultRoutingApi routes) {
            routes.get("/api/test/boom", ctx -> {
                throw new IllegalStateException("internal detail jdbc:secret");
            });
            routes.get("/api/test/thread", ctx -> ctx.result(Boolean.toString(Thread.currentThread().isVirtual())));
        }

        @Override
        public String openApiResource() {
            return "openapi/test-boom.json";
        }
    }

    private static ApiFixture api;
    private static String token;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite(new FailingRoutes());
        token = api.login();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void requestIdIsEchoedWhenSafeAndGeneratedOtherwise() {
        assertThat(api.send("GET", "/api/health", null, null, "X-Request-Id", "abc-123").headers().firstValue("X-Request-Id"))
                .contains("abc-123");
        for (String bad : new String[] {"bad id with spaces", "x".repeat(65), "<script>", "id\"quote", "a%0d%0aSet-Cookie:x"}) {
            assertThat(api.send("GET", "/api/health", null, null, "X-Request-Id", bad).headers().firstValue("X-Request-Id"))
                    .as("X-Request-Id %s is replaced", bad).get().asString().matches("[0-9a-f-]{36}");
        }
        assertThat(api.send("GET", "/api/health", null, null).headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void handlersRunOnVirtualThreads() {
        assertThat(api.send("GET", "/api/test/thread", token, null).body()).isEqualTo("true");
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        HttpResponse<String> r = api.send("GET", "/api/extensions", null, null);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void apiRoutesWithoutAValidBearerTokenAre401Json() {
        for (String auth : new String[] {null, "Bearer", "Basic YWRtaW46eA==", "Bearer " + "x".repeat(43)}) {
            HttpResponse<String> r = auth == null
                    ? api.send("GET", "/api/extensions", null, null)
                    : api.send("GET", "/api/extensions", null, null, "Authorization", auth);
            assertThat(r.statusCode()).as("GET /api/extensions with Authorization=%s", auth).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        }
        assertThat(api.send("GET", "/api/openapi.json", null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", "/api/no-such-route", null, null).statusCode()).as("unknown /api route still needs a token").isEqualTo(401);
    }

    @Test
    void unknownRouteIsA404Json() {
        HttpResponse<String> r = api.send("GET", "/api/no-such-route", token, null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
    }

    @Test
    void malformedJsonIs400OnTheBody() {
        HttpResponse<String> r = api.send("POST", "/api/extensions", token, "{\"number\": \"1001\",");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("validation");
        assertThat(json(r).at("/error/field").asText()).isEqualTo("body");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        HttpResponse<String> r = api.send("POST", "/api/extensions", token,
                "{\"number\": \"1001\", \"name\": \"A\", \"password\": \"12345678\", \"allow_external\": \"yes\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("allow_external");

        HttpResponse<String> number = api.send("POST", "/api/extensions", token,
                "{\"number\": 1001, \"name\": \"A\", \"password\": \"12345678\"}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(json(number).at("/error/field").asText()).as("a JSON number where text is expected").isEqualTo("number");
    }

    @Test
    void unknownFieldIs400NamingIt() {
        HttpResponse<String> r = api.send("POST", "/api/extensions", token,
                "{\"number\": \"1001\", \"name\": \"A\", \"password\": \"12345678\", \"pasword\": \"x\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).isEqualTo("pasword");
    }

    @Test
    void nonObjectBodyIs400() {
        assertThat(api.send("POST", "/api/extensions", token, "[1,2]").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/extensions", token, "null").statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/extensions", token, "").statusCode()).isEqualTo(400);
    }

    @Test
    void secretsFromRequestsAndResponsesNeverReachTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            String fresh = api.login();
            api.send("POST", "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"Wrong-Guess-77\"}");
            api.send("POST", "/api/extensions", fresh,
                    "{\"number\":\"3003\",\"name\":\"Carol\",\"password\":\"Carol-Pa55word\",\"voicemail_pin\":\"556677\"}");
            api.send("PUT", "/api/extensions/3003", fresh, "{\"name\":\"Carol\",\"password\":\"Carol-Pa55word-2\"}");
            assertThat(appender.list).as("log lines during login and extension changes").isNotEmpty()
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .allSatisfy(m -> assertThat(m).doesNotContain(
                            ApiFixture.ADMIN_PASSWORD, "Wrong-Guess-77", "Carol-Pa55word", "556677", fresh));
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test
    void unexpectedErrorIs500WithRequestIdAndNoDetailsInTheBody() {
        Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapper.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            HttpResponse<String> r = api.send("GET", "/api/test/boom", token, null, "X-Request-Id", "req-500");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("internal");
            assertThat(json(r).at("/error/request_id").asText()).isEqualTo("req-500");
            assertThat(r.body()).doesNotContain("jdbc:secret", "IllegalStateException", "at org.");
            assertThat(appender.list).anySatisfy(e -> {
                assertThat(e.getThrowableProxy()).as("stack trace goes to the log").isNotNull();
                assertThat(e.getMDCPropertyMap()).containsEntry("request_id", "req-500");
            });
        } finally {
            logger.detachAppender(appender);
        }
    }
}
