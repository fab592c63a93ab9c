package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} is for its scraper and for admins: a token when one is configured, this host otherwise. */
class MetricsAccessTest {
    private static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

    private static ApiFixture api;
    /** A second server over the same admins, with a metrics token configured. */
    private static ApiServer withToken;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite();
        withToken = new ApiServer(new HttpSettings("127.0.0.1", 0, "1.2.3-test").withMetricsToken(SCRAPE_TOKEN),
                api.auth, api.registry, List.of()).start();
    }

    @AfterAll
    static void stop() {
        withToken.stop();
        api.close();
    }

    private static HttpResponse<String> scrape(String... headers) {
        return api.sendTo(withToken.port(), "GET", "/metrics", null, null, headers);
    }

    @Test
    void withATokenConfiguredAScrapeWithoutItIs401EvenFromThisHost() {
        for (String[] headers : new String[][] {{}, {"Authorization", "Bearer wrong-token-0123456789abcdef"},
                {"Authorization", "Basic " + SCRAPE_TOKEN}}) {
            HttpResponse<String> r = scrape(headers);
            assertThat(r.statusCode()).as("GET /metrics with %s", List.of(headers)).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("unauthorized");
            assertThat(r.body()).doesNotContain("jvm_", "http_server_requests");
        }
    }

    @Test
    void withATokenConfiguredTheScraperAndAnAdminMayRead() {
        HttpResponse<String> scraper = scrape("Authorization", "Bearer " + SCRAPE_TOKEN);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");

        assertThat(scrape("Authorization", "Bearer " + api.login()).statusCode()).as("an admin's bearer token").isEqualTo(200);
    }

    @Test
    void withoutATokenOnlyThisHostMayReadAndNotThroughAProxy() {
        assertThat(api.send("GET", "/metrics", null, null).statusCode()).as("a scraper on this host").isEqualTo(200);

        HttpResponse<String> proxied = api.send("GET", "/metrics", null, null, "X-Forwarded-For", "203.0.113.9");
        assertThat(proxied.statusCode()).as("a request a local reverse proxy forwarded").isEqualTo(403);
        assertThat(json(proxied).at("/error/message").asText()).contains("http.metrics_token");
    }

    @Test
    void onlyLoopbackAddressesCountAsThisHost() {
        assertThat(MetricsAccess.isLoopback("127.0.0.1")).isTrue();
        assertThat(MetricsAccess.isLoopback("127.8.9.10")).isTrue();
        assertThat(MetricsAccess.isLoopback("::1")).isTrue();
        assertThat(MetricsAccess.isLoopback("192.0.2.10")).isFalse();
        assertThat(MetricsAccess.isLoopback("::ffff:10.0.0.1")).isFalse();
        assertThat(MetricsAccess.isLoopback("localhost")).as("only literals are compared, never resolved").isFalse();
    }
}
