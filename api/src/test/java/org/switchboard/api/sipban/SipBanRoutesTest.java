package org.switchboard.api.sipban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.sipban.SipBanService;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Listing and lifting SIP bans over real HTTP, on SQLite and PostgreSQL. */
class SipBanRoutesTest {
    private static final InetAddress SCANNER = InetAddress.ofLiteral("192.0.2.66");

    @BothEngines
    void bansAreListedAndLiftedAndTheSourceIsAnsweredAgain(TestDatabase db) {
        try (SipBanService bans = new SipBanService(new JdbiSipBanStore(db.database()), new EventBus(), Clock.systemUTC());
                ApiFixture api = new ApiFixture(db, new SipBanRoutes(bans))) {
            String token = api.login();
            bans.ban(SCANNER, "10 SIP authentication failures", 10, Duration.ofHours(1));
            await().until(() -> bans.list().size() == 1);

            JsonNode list = json(api.send("GET", "/api/sip-bans", token, null));
            assertThat(list).hasSize(1);
            assertThat(list.at("/0/address").asText()).isEqualTo("192.0.2.66");
            assertThat(list.at("/0/failures").asInt()).isEqualTo(10);
            assertThat(list.at("/0/expires_at").asText()).isNotBlank();

            HttpResponse<String> lifted = api.send("DELETE", "/api/sip-bans/192.0.2.66", token, null);
            assertThat(lifted.statusCode()).as("DELETE: %s", lifted.body()).isEqualTo(204);
            assertThat(bans.isBlocked(SCANNER)).isFalse();
            assertThat(json(api.send("GET", "/api/sip-bans", token, null))).isEmpty();
        }
    }

    @BothEngines
    void aBadAddressIs400AnUnbannedOne404AndEveryRouteNeedsALoginAndIsDocumented(TestDatabase db) {
        try (SipBanService bans = new SipBanService(new JdbiSipBanStore(db.database()), new EventBus(), Clock.systemUTC());
                ApiFixture api = new ApiFixture(db, new SipBanRoutes(bans))) {
            String token = api.login();
            HttpResponse<String> bad = api.send("DELETE", "/api/sip-bans/not-an-address", token, null);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(json(bad).at("/error/field").asText()).isEqualTo("address");
            assertThat(api.send("DELETE", "/api/sip-bans/192.0.2.1", token, null).statusCode()).isEqualTo(404);
            assertThat(api.send("GET", "/api/sip-bans", null, null).statusCode()).isEqualTo(401);
            assertThat(api.send("DELETE", "/api/sip-bans/192.0.2.1", null, null).statusCode()).isEqualTo(401);
            assertThat(api.server.openApi().operations()).containsAll(api.server.registeredRoutes().stream()
                    .filter(k -> k.path().startsWith("/api/sip-bans")).toList());
        }
    }
}
