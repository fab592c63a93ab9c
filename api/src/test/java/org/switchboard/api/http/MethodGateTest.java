package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invented methods and unknown paths can neither reach routing nor add series to {@code /metrics}. */
class MethodGateTest {
    private static final int FLOOD = 10_000;
    private static final int SENDERS = 8;
    /** What the flood may add to the scrape: counters gaining digits, never new series. */
    private static final int SCRAPE_SLACK_BYTES = 4_096;

    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void anInventedMethodIs501JsonWithTheSecurityHeadersBeforeAnyRoute() {
        HttpResponse<String> r = api.send("FOOBAR", "/api/health", null, null);

        assertThat(r.statusCode()).as("FOOBAR /api/health: %s", r.body()).isEqualTo(501);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(json(r).at("/error/code").asText()).isEqualTo("not_implemented");
        assertThat(json(r).at("/error/request_id").asText()).isNotBlank();
        assertThat(r.headers().firstValue("Allow")).get().asString().contains("GET", "POST", "DELETE");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(api.send("TRACE", "/api/health", null, null).statusCode()).as("TRACE is not served either").isEqualTo(501);
    }

    @Test
    void tenThousandInventedMethodsAndUnknownPathsLeaveMetricsTheSameSize() throws Exception {
        // One of each kind first, so the series they share exist before the size is taken.
        api.send("WARMUP", "/api/health", null, null);
        api.send("GET", "/warm-up-unknown", null, null);
        int before = scrape().length();

        List<Integer> statuses = flood();

        String after = scrape();
        assertThat(statuses).as("answers to the flood").containsOnly(501, 404);
        assertThat(after).as("the scrape names no invented method or path")
                .doesNotContain("X-INVENTED-", "/unknown-")
                .contains("method=\"OTHER\"", "uri=\"UNMATCHED\"");
        assertThat(after.length()).as("/metrics size after %s invented requests (before: %s bytes)", FLOOD, before)
                .isLessThan(before + SCRAPE_SLACK_BYTES);
    }

    private static List<Integer> flood() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(SENDERS)) {
            List<Future<List<Integer>>> parts = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int sender = s;
                parts.add(senders.submit(() -> {
                    List<Integer> seen = new ArrayList<>();
                    for (int i = sender; i < FLOOD; i += SENDERS) {
                        seen.add(i % 2 == 0
                                ? api.send("X-INVENTED-" + i, "/api/health", null, null).statusCode()
                                : api.send("GET", "/unknown-" + i, null, null).statusCode());
                    }
                    return seen;
                }));
            }
            for (Future<List<Integer>> part : parts) {
                statuses.addAll(part.get());
            }
        }
        return statuses;
    }

    private static String scrape() {
        HttpResponse<String> r = api.send("GET", "/metrics", null, null);
        assertThat(r.statusCode()).as("GET /metrics from this host").isEqualTo(200);
        return r.body();
    }
}
