package org.switchboard.api.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.trunk.TrunkLines;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkTimings;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * SIP trunks over real HTTP on SQLite and PostgreSQL: create, read, update, delete, the password
 * never in a response and sealed in the database, 400 naming the field, 404, 409, and the state
 * fields. (Registration against a real carrier: {@code TrunkRegistrationIT} in pbx.)
 */
class TrunkRoutesTest {
    private static final String PATH = "/api/trunks";
    private static final String CARRIER = """
            {"name":"carrier","host":"sip.carrier.example","port":5060,"transport":"udp","username":"acct-9",
             "password":"very-secret-pw","register":true,"enabled":true,"codecs":["PCMA"],
             "inbound_addresses":["192.0.2.0/24"]}""";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SipServerResolver resolver = new SipServerResolver();
    private TrunkService trunks;

    private ApiFixture serve(TestDatabase db) {
        trunks = new TrunkService(new JdbiSipTrunkStore(db.database()), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), new EventBus());
        trunks.reloadCache();
        // No SIP stack here: the lines report the state a node has before SIP starts.
        TrunkLines lines = new TrunkLines(trunks, resolver, scheduler, TrunkTimings.DEFAULTS, Clock.systemUTC());
        return new ApiFixture(db, new TrunkRoutes(trunks, lines));
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
        resolver.close();
    }

    @BothEngines
    void aCreatedTrunkIsListedAndReadWithItsStateButNeverItsPassword(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            HttpResponse<String> created = api.send("POST", PATH, token, CARRIER);

            assertThat(created.statusCode()).as("POST: %s", created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).contains("/api/trunks/carrier");
            HttpResponse<String> one = api.send("GET", PATH + "/carrier", token, null);
            assertThat(one.statusCode()).isEqualTo(200);
            JsonNode t = json(one);
            assertThat(t.get("host").asText()).isEqualTo("sip.carrier.example");
            assertThat(t.get("port").asInt()).isEqualTo(5060);
            assertThat(t.get("register").asBoolean()).isTrue();
            assertThat(t.get("password_set").asBoolean()).isTrue();
            assertThat(t.get("codecs").get(0).asText()).isEqualTo("PCMA");
            assertThat(t.get("registration").asText()).isEqualTo("unregistered");
            assertThat(t.get("status").asText()).isEqualTo("unknown");
            for (HttpResponse<String> r : new HttpResponse[] {created, one, api.send("GET", PATH, token, null)}) {
                assertThat(r.body()).as("password in a response").doesNotContain("very-secret-pw").doesNotContain("\"password\"");
            }
            assertThat(json(api.send("GET", PATH, token, null))).hasSize(1);
            String stored = trunks.get("carrier").values().sealedPassword().orElseThrow();
            assertThat(stored).as("stored sealed").doesNotContain("very-secret-pw").startsWith("v1:");
            assertThat(trunks.password(trunks.get("carrier"))).contains("very-secret-pw");
        }
    }

    @BothEngines
    void anUpdateWithoutPasswordKeepsItAndADisabledTrunkSaysSo(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, CARRIER);

            HttpResponse<String> r = api.send("PUT", PATH + "/carrier", token, """
                    {"host":"192.0.2.7","transport":"tcp","username":"acct-9","register":true,"enabled":false}""");

            assertThat(r.statusCode()).as("PUT: %s", r.body()).isEqualTo(200);
            JsonNode t = json(api.send("GET", PATH + "/carrier", token, null));
            assertThat(t.get("host").asText()).isEqualTo("192.0.2.7");
            assertThat(t.get("transport").asText()).isEqualTo("tcp");
            assertThat(t.get("registration").asText()).isEqualTo("disabled");
            assertThat(trunks.password(trunks.get("carrier"))).as("password kept").contains("very-secret-pw");
        }
    }

    @BothEngines
    void deleteRemovesTheTrunkAndUnknownNamesAre404(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, CARRIER);

            assertThat(api.send("DELETE", PATH + "/carrier", token, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", PATH + "/carrier", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("DELETE", PATH + "/carrier", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("PUT", PATH + "/carrier", token, "{\"host\":\"192.0.2.1\"}").statusCode()).isEqualTo(404);
        }
    }

    @BothEngines
    void aSecondTrunkWithTheSameNameIs409(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            api.send("POST", PATH, token, CARRIER);

            HttpResponse<String> r = api.send("POST", PATH, token, CARRIER);

            assertThat(r.statusCode()).as("POST twice: %s", r.body()).isEqualTo(409);
            assertThat(json(r).at("/error/field").asText()).isEqualTo("name");
        }
    }

    @BothEngines
    void badBodiesAre400NamingTheField(TestDatabase db) {
        try (ApiFixture api = serve(db)) {
            String token = api.login();
            String[][] cases = {
                    {"{\"host\":\"h.example\"}", "name"},
                    {"{\"name\":\"t\"}", "host"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"port\":70000}", "port"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"port\":\"x\"}", "port"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"transport\":\"sctp\"}", "transport"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"register\":true}", "username"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"register\":\"yes\"}", "register"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"inbound_addresses\":[\"not-an-ip\"]}", "inbound_addresses"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"options_interval\":-1}", "options_interval"},
                    {"{\"name\":\"t\",\"host\":\"h.example\",\"secret\":\"x\"}", "secret"},
                    {"{\"name\":\"t t\",\"host\":\"h.example\"}", "name"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = api.send("POST", PATH, token, c[0]);
                assertThat(r.statusCode()).as("POST %s: %s", c[0], r.body()).isEqualTo(400);
                assertThat(json(r).at("/error/field").asText()).as("POST %s", c[0]).isEqualTo(c[1]);
            }
            api.send("POST", PATH, token, CARRIER);
            HttpResponse<String> rename = api.send("PUT", PATH + "/carrier", token,
                    "{\"name\":\"other\",\"host\":\"h.example\"}");
            assertThat(rename.statusCode()).isEqualTo(400);
            assertThat(json(rename).at("/error/field").asText()).isEqualTo("name");
            assertThat(json(api.send("GET", PATH, token, null))).as("nothing else saved").hasSize(1);
        }
    }
}
