package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.http.RouteKey;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Roles over every route a whole node registers: a read-only account is refused (403 JSON) on each
 * route that is not a GET, whatever feature added it, except its own session and second factor.
 */
class AdminRolesNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The routes every role may use on its own account: the session and its second factor. */
    private static final List<String> SELF_SERVICE = List.of("/api/auth/login", "/api/auth/logout", "/api/auth/mfa/totp",
            "/api/auth/mfa/totp/confirm", "/api/auth/tokens", "/api/auth/tokens/{id}");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aReadOnlyAccountGets403OnEveryRegisteredRouteThatChangesSomething() throws Exception {
        try (TestDatabase database = TestDatabases.sqlite()) {
            Server server = Server.start(config(database), Clock.systemUTC(), "test");
            try {
                int port = server.httpPort();
                String root = login(port, "root", "root-password");
                HttpResponse<String> created = send(port, "POST", "/api/admin/users", root,
                        "{\"username\":\"viewer\",\"password\":\"viewer-password\",\"role\":\"read_only\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String viewer = login(port, "viewer", "viewer-password");

                List<RouteKey> walked = new ArrayList<>();
                for (RouteKey route : server.apiRoutes()) {
                    if (route.method().equals("GET") || SELF_SERVICE.contains(route.path())) {
                        continue;
                    }
                    assertThat(route.path()).as("a route that changes something outside /api escapes the roles: %s", route)
                            .startsWith("/api/");
                    String path = route.path().replaceAll("\\{[^}]+}", "x");
                    HttpResponse<String> r = send(port, route.method(), path, viewer, "{}");
                    assertThat(r.statusCode()).as("%s as read_only: %s", route, r.body()).isEqualTo(403);
                    assertThat(JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("forbidden");
                    walked.add(route);
                }
                assertThat(walked).as("every feature's changing routes were walked").hasSizeGreaterThan(30)
                        .contains(new RouteKey("POST", "/api/extensions"), new RouteKey("DELETE", "/api/calls/{id}"),
                                new RouteKey("PUT", "/api/voicemail/boxes/{number}"), new RouteKey("POST", "/api/trunks"));
                assertThat(send(port, "GET", "/api/extensions", viewer, null).statusCode()).isEqualTo(200);
                assertThat(send(port, "GET", "/api/admin/users", viewer, null).statusCode()).isEqualTo(403);
            } finally {
                server.stop();
            }
        }
    }

    private String login(int port, String username, String password) throws Exception {
        HttpResponse<String> r = send(port, "POST", "/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    private HttpResponse<String> send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private SwitchboardConfig config(TestDatabase database) throws Exception {
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                """);
        return new ConfigLoader(Map.of(
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(),
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_PROVISIONING_KEY_FILE", dir.resolve("provisioning.key").toString(),
                "SWITCHBOARD_SIP_TLS_DIR", dir.resolve("tls").toString())).load(file, true);
    }
}
