package org.switchboard.api.http;

import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.testkit.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.api.auth.AuthRoutes;
import org.switchboard.api.extension.ExtensionRoutes;
import org.switchboard.api.health.HealthRoutes;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A real API server on 127.0.0.1 port 0 over a real test database, wired like the server module
 * does, plus a {@link HttpClient} to talk to it. One test thread at a time.
 */
public final class ApiFixture implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String REALM = "pbx.test";

    // Cheap Argon2 cost: the production cost is covered by Argon2PasswordHasherTest in pbx.
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(256, 1, 1);

    public final TestDatabase db;
    public final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final AdminAuthService auth;
    public final ExtensionService extensions;
    /** Where the fixture's extension service publishes its changes. */
    public final EventBus events;
    public final ApiServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final boolean ownsDatabase;

    /** A server over {@code db}, which the caller (e.g. {@code @BothEngines}) closes. */
    public ApiFixture(TestDatabase db, Routes... extraRoutes) {
        this(db, false, new EventBus(), Optional.empty(), extraRoutes);
    }

    /** A server over {@code db} whose extension service publishes on {@code events}. */
    public ApiFixture(TestDatabase db, EventBus events, Routes... extraRoutes) {
        this(db, false, events, Optional.empty(), extraRoutes);
    }

    /**
     * A server over {@code db} whose admins are {@code auth}, the one instance the routes given here
     * also use (the event stream watches its sessions), as the server module wires it.
     */
    public ApiFixture(TestDatabase db, EventBus events, AdminAuthService auth, Routes... extraRoutes) {
        this(db, false, events, Optional.of(auth), extraRoutes);
    }

    /** A server over a fresh SQLite test database that {@link #close()} also closes. */
    public static ApiFixture withSqlite(Routes... extraRoutes) {
        return new ApiFixture(TestDatabases.sqlite(), true, new EventBus(), Optional.empty(), extraRoutes);
    }

    /** An admin service over {@code db} with the default policy and cheap password hashing. */
    public static AdminAuthService adminAuth(TestDatabase db, Clock clock) {
        return new AdminAuthService(new JdbiAdminUserStore(db.database()), new JdbiAdminTokenStore(db.database()),
                HASHER, AuthPolicy.defaults(), clock);
    }

    private ApiFixture(TestDatabase db, boolean ownsDatabase, EventBus events, Optional<AdminAuthService> sharedAuth,
                       Routes... extraRoutes) {
        this.db = db;
        this.events = events;
        this.ownsDatabase = ownsDatabase;
        auth = sharedAuth.orElseGet(() -> adminAuth(db, clock));
        auth.ensureInitialAdmin(ADMIN, ADMIN_PASSWORD);
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), REALM, HASHER, clock, events);
        extensions.reloadCache();
        List<Routes> routes = new ArrayList<>(List.of(
                new AuthRoutes(auth), new HealthRoutes(db.database(), "1.2.3-test"), new ExtensionRoutes(extensions)));
        routes.addAll(List.of(extraRoutes));
        server = new ApiServer(new HttpSettings("127.0.0.1", 0, "1.2.3-test"), auth, registry, routes).start();
    }

    /** Logs in as the initial admin and returns the bearer token. */
    public String login() {
        HttpResponse<String> r = send("POST", "/api/auth/login", null,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).get("token").asText();
    }

    /**
     * The fixture's HTTP client, for requests {@link #send} does not make (binary bodies); it is
     * closed before the server stops, as every connection to the server should be.
     */
    public HttpClient client() {
        return client;
    }

    /** Sends a request; {@code token} and {@code body} may be null. */
    public HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        return sendTo(server.port(), method, path, token, body, headers);
    }

    /** Sends a request to another server on this host, at {@code port}. */
    public HttpResponse<String> sendTo(int port, String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !names(headers).contains("content-type")) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(String... headers) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            names.add(headers[i].toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        // The client goes first: Jetty's graceful stop waits until the client's idle keep-alive
        // connection is gone, which it otherwise finds only a second later; a second per test.
        client.close();
        try {
            server.stop();
        } finally {
            if (ownsDatabase) {
                db.close();
            }
        }
    }
}
