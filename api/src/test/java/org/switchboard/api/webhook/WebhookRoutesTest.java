package org.switchboard.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.webhook.WebhookService;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.webhook.Delivery;
import org.switchboard.store.webhook.DeliveryState;
import org.switchboard.store.webhook.JdbiWebhookStore;
import org.switchboard.store.webhook.Outcome;

/**
 * Webhooks over real HTTP on SQLite and PostgreSQL: create, read, update, delete, the secret never
 * in a response (except a generated one, once) and sealed in the database, 400 naming the field,
 * 404, the delivery log and a re-send (409 while one is pending). Deliveries to a real receiver:
 * {@code WebhookDispatcherTest} in pbx.
 */
class WebhookRoutesTest {
    private static final String PATH = "/api/webhooks";
    private static final String CRM = """
            {"url":"https://crm.example/hooks","secret":"crm-signing-secret-0042","events":["call.ended","queue.*"]}""";

    private JdbiWebhookStore store;
    private WebhookService webhooks;
    private int wakes;

    private ApiFixture serve(TestDatabase db) {
        store = new JdbiWebhookStore(db.database());
        webhooks = new WebhookService(store, new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(),
                new EventBus());
        webhooks.reloadCache();
        return new ApiFixture(db, new WebhookRoutes(webhooks, () -> wakes++));
    }

    @BothEngines
    void aSubscriptionIsCreatedReadUpdatedAndDeletedWithoutItsSecretEverShown(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", PATH, token, CRM);

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            long id = json(created).get("id").asLong();
            assertThat(created.headers().firstValue("Location")).contains(PATH + "/" + id);
            JsonNode one = json(api.send("GET", PATH + "/" + id, token, null));
            assertThat(one.get("url").asText()).isEqualTo("https://crm.example/hooks");
            assertThat(one.get("events").toString()).isEqualTo("[\"call.ended\",\"queue.*\"]");
            assertThat(one.get("enabled").asBoolean()).isTrue();
            HttpResponse<String> updated = api.send("PUT", PATH + "/" + id, token,
                    "{\"url\":\"http://10.0.0.5:8080/in\",\"events\":[\"voicemail.left\"],\"enabled\":false}");
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            assertThat(json(updated).get("enabled").asBoolean()).isFalse();
            for (HttpResponse<String> r : List.of(created, updated, api.send("GET", PATH, token, null))) {
                assertThat(r.body()).as("secret in a response").doesNotContain("crm-signing-secret-0042")
                        .doesNotContain("\"secret\"");
            }
            assertThat(store.find(id).orElseThrow().values().sealedSecret()).as("stored sealed")
                    .doesNotContain("crm-signing-secret-0042").startsWith("v1:");
            assertThat(webhooks.secret(webhooks.get(id))).as("kept, and opens for the new URL")
                    .isEqualTo("crm-signing-secret-0042");

            assertThat(api.send("DELETE", PATH + "/" + id, token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", PATH + "/" + id, token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/" + id, token, null).statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void withoutASecretTheNodeGeneratesOneAndShowsItOnce(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            JsonNode created = json(api.send("POST", PATH, token,
                    "{\"url\":\"https://crm.example/h\",\"events\":[\"call.started\"]}"));

            String secret = created.get("secret").asText();
            assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
            assertThat(webhooks.secret(webhooks.get(created.get("id").asLong()))).isEqualTo(secret);
            assertThat(api.send("GET", PATH + "/" + created.get("id").asLong(), token, null).body()).doesNotContain(secret);
        }
    }

    @BothEngines
    void badInputIsRefusedNamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"ftp://x.example/\",\"secret\":\"long-enough-secret-1\",\"events\":[\"call.ended\"]}"), "url");
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"/relative\",\"secret\":\"long-enough-secret-1\",\"events\":[\"call.ended\"]}"), "url");
            assertField(api.send("POST", PATH, token,
                    "{\"secret\":\"long-enough-secret-1\",\"events\":[\"call.ended\"]}"), "url");
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"https://x.example/\",\"secret\":\"long-enough-secret-1\",\"events\":[\"call.held\"]}"), "events");
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"https://x.example/\",\"secret\":\"long-enough-secret-1\",\"events\":[\"call.*\"]}"), "events");
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"https://x.example/\",\"secret\":\"long-enough-secret-1\",\"events\":[]}"), "events");
            assertField(api.send("POST", PATH, token,
                    "{\"url\":\"https://x.example/\",\"secret\":\"short\",\"events\":[\"call.ended\"]}"), "secret");
            assertThat(webhooks.list()).isEmpty();
            assertThat(api.send("GET", PATH + "/abc", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", PATH, null, null).statusCode()).isEqualTo(401);
        }
    }

    @BothEngines
    void theDeliveryLogListsEachAttemptAndAResendQueuesOneMore(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            long id = json(api.send("POST", PATH, token, CRM)).get("id").asLong();
            Delivery first = store.enqueue(List.of(id), "e-1", "call.ended", "{\"event\":\"call.ended\"}",
                    api.clock.instant()).getFirst();
            store.claim(first.id(), api.clock.instant(), api.clock.instant().plusSeconds(30));
            store.settle(first.id(), new Outcome(DeliveryState.DEAD, OptionalInt.of(502), Optional.of("HTTP 502"),
                    api.clock.instant(), Optional.empty()), api.clock.instant());

            JsonNode log = json(api.send("GET", PATH + "/" + id + "/deliveries", token, null));
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("attempt").asInt()).isEqualTo(1);
            assertThat(log.get(0).get("status_code").asInt()).isEqualTo(502);
            assertThat(log.get(0).get("error").asText()).isEqualTo("HTTP 502");
            assertThat(log.get(0).get("state").asText()).isEqualTo("dead");
            assertThat(log.get(0).get("at").asText()).isNotEmpty();

            HttpResponse<String> resent = api.send("POST", PATH + "/" + id + "/deliveries/" + first.id() + "/resend", token, null);
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(202);
            assertThat(json(resent).get("attempt").asInt()).isEqualTo(2);
            assertThat(json(resent).get("state").asText()).isEqualTo("pending");
            assertThat(wakes).as("the dispatcher is told at once").isEqualTo(1);
            HttpResponse<String> twice = api.send("POST", PATH + "/" + id + "/deliveries/" + first.id() + "/resend", token, null);
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(json(twice).at("/error/field").asText()).isEqualTo("delivery");
            assertThat(api.send("POST", PATH + "/" + id + "/deliveries/999999/resend", token, null).statusCode()).isEqualTo(404);
            assertField(api.send("GET", PATH + "/" + id + "/deliveries?limit=0", token, null), "limit");
            assertThat(json(api.send("GET", PATH + "/" + id + "/deliveries?limit=1", token, null))).hasSize(1);
        }
    }

    private static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).at("/error/field").asText()).as(r.body()).isEqualTo(field);
    }
}
