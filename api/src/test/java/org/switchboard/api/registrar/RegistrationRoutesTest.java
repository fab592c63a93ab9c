package org.switchboard.api.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.registrar.RegistrarService;
import org.switchboard.pbx.registrar.RegistrarSettings;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/** {@code GET /api/registrations} on a real server over SQLite, the bindings loaded from the table at start. */
class RegistrationRoutesTest {
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor();
    private TestDatabase db;
    private RegistrarService registrar;
    private ApiFixture api;

    @BeforeEach
    void start() {
        db = TestDatabases.sqlite();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), ApiFixture.REALM,
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        for (String number : List.of("1001", "1002")) {
            extensions.create(new ExtensionInput(number, "Ext " + number, "password-" + number, null, null, false, true),
                    "test");
        }
        Instant now = Instant.now();
        new JdbiRegistrationStore(db.database()).write(List.of(
                row("1001", "sip:1001@192.168.1.20:5060", "203.0.113.7", 40312, now.plusSeconds(300)),
                row("1002", "sip:1002@192.168.1.21:5060", "203.0.113.8", 40313, now.plusSeconds(600)),
                row("1002", "sip:1002@10.0.0.9:5060", "203.0.113.9", 40314, now.minusSeconds(1))), List.of());
        registrar = RegistrarService.start(db.database(), extensions, authUser -> Optional.empty(),
                userAgent -> Optional.empty(), RegistrarSettings.defaults(ApiFixture.REALM),
                "api-test-secret-0123456789abcdef".getBytes(StandardCharsets.US_ASCII), new SimpleMeterRegistry(),
                housekeeping, Clock.systemUTC(), new EventBus());
        api = new ApiFixture(db, new RegistrationRoutes(registrar.location()));
    }

    private static Registration row(String ext, String contact, String source, int port, Instant expires) {
        Instant at = Instant.now();
        return new Registration(ext, contact, Optional.empty(), "call-" + port, 1, "UDP", source, port, "127.0.0.1",
                5060, "Yealink SIP-T46S 66.86.0.15", expires, at, at);
    }

    @AfterEach
    void stop() {
        api.close();
        registrar.close();
        housekeeping.shutdownNow();
        db.close();
    }

    @Test
    void listsEveryLiveBindingWithItsFlow() {
        HttpResponse<String> r = api.send("GET", "/api/registrations", api.login(), null);

        assertThat(r.statusCode()).as("GET /api/registrations: %s", r.body()).isEqualTo(200);
        JsonNode list = ApiFixture.json(r);
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("extension").asText()).isEqualTo("1001");
        assertThat(list.get(0).get("contact").asText()).isEqualTo("sip:1001@192.168.1.20:5060");
        assertThat(list.get(0).get("source_address").asText()).isEqualTo("203.0.113.7");
        assertThat(list.get(0).get("source_port").asInt()).isEqualTo(40312);
        assertThat(list.get(0).get("transport").asText()).isEqualTo("UDP");
        assertThat(list.get(0).get("user_agent").asText()).isEqualTo("Yealink SIP-T46S 66.86.0.15");
        assertThat(list.get(0).has("expires_at")).isTrue();
    }

    @Test
    void filtersByExtension() {
        HttpResponse<String> r = api.send("GET", "/api/registrations?extension=1002", api.login(), null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.json(r)).singleElement()
                .satisfies(b -> assertThat(b.get("source_address").asText()).isEqualTo("203.0.113.8"));
    }

    @Test
    void needsAnAdminToken() {
        assertThat(api.send("GET", "/api/registrations", null, null).statusCode()).isEqualTo(401);
    }
}
