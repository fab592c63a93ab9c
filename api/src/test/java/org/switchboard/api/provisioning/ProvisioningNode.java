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
import org.switchboard.api.http.TlsIdentity;
import org.switchboard.api.http.Json;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.phonebook.DirectoryXml;
import org.switchboard.pbx.phonebook.PhoneBookService;
import org.switchboard.store.phonebook.JdbiPhoneBookStore;
import org.switchboard.pbx.provisioning.Codec;
import org.switchboard.pbx.provisioning.DeviceHttpAuth;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningService;
import org.switchboard.pbx.provisioning.ProvisioningTemplates;
import org.switchboard.pbx.provisioning.ProvisioningUrlToken;
import org.switchboard.pbx.provisioning.SipTransport;
import org.switchboard.pbx.provisioning.SiteSettings;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.provisioning.JdbiDeviceHttpCredentialStore;
import org.switchboard.store.provisioning.JdbiProvisionedDeviceStore;
import org.switchboard.store.provisioning.JdbiProvisioningTokenStore;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.ProvisioningFetch;
import org.switchboard.store.secret.JdbiSecretStore;

/**
 * One running "server" for provisioning tests: services over a real database wired as the server
 * module does, the real HTTP server on 127.0.0.1 port 0 with the provisioning routes (answering
 * HTTPS too when given a certificate), and an HTTP client. {@link #close()} stops it (flushing the
 * fetch writer) but leaves the database, so a test can start a new node on the same data: a
 * restart. One test thread at a time.
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
    final ProvisioningUrlToken urlToken;
    final DeviceHttpAuth httpAuth;
    final PhoneBookService phoneBook;
    final ApiServer server;
    private final BatchWriter<ProvisioningFetch> fetches;
    private final EventBus events = new EventBus();
    private final HttpClient client = HttpClient.newHttpClient();

    /** @param httpsOnly whether phones' files are refused over plain HTTP */
    ProvisioningNode(Database db, byte[] key, TestClock clock, ScanThrottle.Settings throttle, Optional<TlsIdentity> tls,
                     boolean httpsOnly) {
        this.clock = clock;
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(256, 1, 1);
        AdminAuthService auth = new AdminAuthService(new JdbiAdminUserStore(db), new JdbiAdminTokenStore(db), hasher,
                AuthPolicy.defaults(), clock);
        auth.ensureInitialAdmin(ADMIN, ADMIN_PASSWORD);
        extensions = new ExtensionService(new JdbiExtensionStore(db), REALM, hasher, clock, events);
        extensions.reloadCache();
        devices = new JdbiProvisionedDeviceStore(db);
        phones = new JdbiRegisteredPhoneStore(db);
        BatchWriter.Settings quick = new BatchWriter.Settings(1_000, 100, Duration.ofMillis(20), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(10), BatchWriter.Overflow.WAIT);
        fetches = new BatchWriter<>("provisioning_fetches", db, quick, ProvisioningFetch::macAddress, devices.fetchSink());
        provisioning = new ProvisioningService(devices, phones, extensions, new ProvisioningTemplates(Optional.empty(), clock),
                SITE, new DeviceSecretCipher(key), fetches::submit, clock, events);
        provisioning.start();
        urlToken = new ProvisioningUrlToken(new JdbiProvisioningTokenStore(db), clock, events);
        urlToken.start();
        byte[] nonceKey = new JdbiSecretStore(db).getOrCreate("provisioning.http_digest_nonce_key",
                DeviceSecretCipher::newKey, clock.instant());
        httpAuth = new DeviceHttpAuth(new JdbiDeviceHttpCredentialStore(db), provisioning, nonceKey, clock, events);
        httpAuth.start();
        phoneBook = new PhoneBookService(new JdbiPhoneBookStore(db), clock, events);
        phoneBook.reloadCache();
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, "1.2.3-test");
        server = new ApiServer(tls.map(settings::withTls).orElse(settings), auth,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new AuthRoutes(auth), new ExtensionRoutes(extensions), new ProvisioningRoutes(provisioning, urlToken),
                        new ProvisioningAccessRoutes(urlToken, httpAuth, tls.isPresent()),
                        new ProvisionFileRoutes(provisioning, urlToken, httpAuth, new ScanThrottle(throttle, clock),
                                httpsOnly, new DirectoryXml(phoneBook)))).start();
    }

    ProvisioningNode(Database db, byte[] key, TestClock clock, ScanThrottle.Settings throttle) {
        this(db, key, clock, throttle, Optional.empty(), false);
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

    /** What a phone given the provisioning URL does: GET under /provision/<token>/ without any credentials. */
    HttpResponse<String> fetch(String file) {
        return get(path(file));
    }

    /** The path of {@code file} with the installation's current URL token. */
    String path(String file) {
        return "/provision/" + urlToken.current() + "/" + file;
    }

    /** GET {@code path} with the given extra headers (name, value, name, value...). */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
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

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        // The client goes first: a stop waits for its idle keep-alive connections (see ApiFixture#close).
        client.close();
        try {
            server.stop();
        } finally {
            httpAuth.close();
            fetches.close();
            events.close();
        }
    }
}
