package org.switchboard.api.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.auth.AuthRoutes;
import org.switchboard.api.extension.ExtensionRoutes;
import org.switchboard.api.http.ApiServer;
import org.switchboard.api.http.HttpSettings;
import org.switchboard.api.http.Json;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.Codec;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningTemplates;
import org.switchboard.pbx.provisioning.SipTransport;
import org.switchboard.pbx.provisioning.SiteSettings;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.provisioning.JdbiProvisionedDeviceStore;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.ProvisioningFetch;

/**
 * One running "server" for provisioning tests: services over a real database wired as the server
 * module does, the real HTTP server on 127.0.0.1 port 0 with the provisioning routes, and an
 * HTTP client. {@link #close()} stops it (flushing the fetch writer) but leaves the database, so
 * a test can start a new node on the same data: a restart. One test thread at a time.
 */
final class ProvisioningNode implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String REALM = "pbx.test";
    static final SiteSettings SITE = new SiteSettings("pbx.example.com", 5060, SipTransport.UDP, "*97",
            ZoneId.of("Europe/Berlin"), "pool.ntp.org", List.of(Codec.G722, Codec.PCMA, Codec.PCMU));

    final TestClock clock;
    final ExtensionService extensions;
    final ProvisioningService provisioning;
    final JdbiProvisionedDeviceStore devices;
    final JdbiRegisteredPhoneStore phones;
    final ApiServer server;
    private final BatchWriter<ProvisioningFetch> fetches;
    private final HttpClient client = HttpClient.newHttpClient();

    ProvisioningNode(Database db, byte[] key, TestClock clock, ScanThrottle.Settings throttle) {
        this.clock = clock;
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(256, 1, 1);
        AdminAuthService auth = new AdminAuthService(new JdbiAdminUserStore(db), new JdbiAdminTokenStore(db), hasher,
                AuthPolicy.defaults(), clock);
        auth.ensureInitialAdmin(ADMIN, ADMIN_PASSWORD);
        extensions = new ExtensionService(new JdbiExtensionStore(db), REALM, hasher, clock, new EventBus());
        extensions.reloadCache();
        devices = new JdbiProvisionedDeviceStore(db);
        phones = new JdbiRegisteredPhoneStore(db);
        BatchWriter.Settings quick = new BatchWriter.Settings(1_000, 100, Duration.ofMillis(20), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(10), BatchWriter.Overflow.WAIT);
        fetches = new BatchWriter<>("provisioning_fetches", db, quick, ProvisioningFetch::macAddress, devices.fetchSink());
        provisioning = new ProvisioningService(devices, phones, extensions, new ProvisioningTemplates(Optional.empty(), clock),
                SITE, new DeviceSecretCipher(key), fetches::submit, clock, new EventBus());
        provisioning.start();
        server = new ApiServer(new HttpSettings("127.0.0.1", 0, "1.2.3-test"), auth,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new AuthRoutes(auth), new ExtensionRoutes(extensions), new ProvisioningRoutes(provisioning),
                        new ProvisionFileRoutes(provisioning, new ScanThrottle(throttle, clock)))).start();
    }

    ProvisioningNode(Database db, byte[] key, TestClock clock) {
        this(db, key, clock, ScanThrottle.Settings.defaults());
    }

    /** Creates extension {@code number} with a password an admin typed. */
    void extension(String number, String name) {
        extensions.create(new ExtensionInput(number, name, "Typed-Pa55word", null, null, false, true), "test");
    }

    String login() {
        HttpResponse<String> r = send("POST", "/api/auth/login", null,
                "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
        }
        return json(r).get("token").asText();
    }

    /** Sends a request; {@code token} and {@code body} may be null. */
    HttpResponse<String> send(String method, String path, String token, String body) {
        return send(method, path, token, body, "application/json");
    }

    HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
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

    /** What a phone does: GET under /provision/ without any credentials. */
    HttpResponse<String> fetch(String file) {
        return send("GET", "/provision/" + file, null, null);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            fetches.close();
            client.close();
        }
    }
}
