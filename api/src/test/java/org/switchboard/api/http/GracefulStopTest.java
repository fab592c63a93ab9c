package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ApiServer#stop()} lets a request in flight finish with its response and refuses new ones meanwhile. */
class GracefulStopTest {
    /** Test-only route that signals when it runs and answers only when the test releases it. */
    static final class SlowRoutes implements Routes {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void register(JavalinDefaultRoutingApi routes) {
            routes.get("/test/slow", ctx -> {
                entered.countDown();
                release.await();
                ctx.result("done");
            });
        }

        @Override
        public String openApiResource() {
            return "openapi/test-slow.json";
        }
    }

    private final SlowRoutes slow = new SlowRoutes();
    private final ApiFixture api = ApiFixture.withSqlite(slow);

    @AfterEach
    void close() {
        slow.release.countDown();
        api.close();
    }

    @Test
    void requestInFlightCompletesWhileStopRunsAndNewRequestsAreRefused() throws Exception {
        ApiServer server = api.server;
        int port = server.port();
        try (HttpClient inFlightClient = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> inFlight = inFlightClient.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            slow.entered.await();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
            await().until(() -> refused(port));
            assertThat(stopping).as("stop waits for the request in flight").isNotDone();

            slow.release.countDown();
            HttpResponse<String> response = inFlight.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("done");
            stopping.join();
        }
    }

    /** Whether a new request (on a new connection) is refused: no connection, or 503 from a server shutting down. */
    private static boolean refused(int port) throws InterruptedException {
        try (HttpClient fresh = HttpClient.newHttpClient()) {
            HttpResponse<String> r = fresh.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 503;
        } catch (IOException e) {
            return true;
        }
    }
}
