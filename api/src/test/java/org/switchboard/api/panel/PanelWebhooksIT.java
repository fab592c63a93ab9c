package org.switchboard.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.api.webhook.WebhookRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.webhook.WebhookDispatcher;
import org.switchboard.pbx.webhook.WebhookService;
import org.switchboard.pbx.webhook.WebhookSettings;
import org.switchboard.pbx.webhook.WebhookSignature;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.webhook.JdbiWebhookStore;

/**
 * The panel's webhooks page in headless Chromium against a real server over SQLite, a running
 * dispatcher and a real HTTP receiver: a webhook added in the form without a secret shows the
 * generated one once; an event the receiver refuses (500) ends dead in the delivery log with its
 * status; once the receiver recovers, Re-send delivers it (200) signed with the generated secret;
 * deleted after a confirmation it is gone.
 */
class PanelWebhooksIT {
    @AutoClose
    private static final Teardown opened = new Teardown();
    private static final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private static final EventBus events = new EventBus();
    private static final List<String[]> received = new CopyOnWriteArrayList<>();
    private static volatile int answer = 500;
    private static WebhookService webhooks;
    private static WebhookDispatcher dispatcher;
    private static HttpServer receiver;
    private static PanelBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)});
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        TestDatabase db = opened.add(TestDatabases.sqlite());
        JdbiWebhookStore store = new JdbiWebhookStore(db.database());
        webhooks = new WebhookService(store, new DeviceSecretCipher(DeviceSecretCipher.newKey()), Clock.systemUTC(), events);
        webhooks.reloadCache();
        // Two attempts, 200 ms apart: the refused event is dead within a second.
        dispatcher = new WebhookDispatcher(webhooks, store, new WebhookSettings(2, Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100), 2), Clock.systemUTC());
        dispatcher.start(events, scheduler);
        ApiFixture api = opened.add(new ApiFixture(db, new WebhookRoutes(webhooks, dispatcher::wake)));
        browser = opened.add(new PanelBrowser(api.server.port()));
    }

    @AfterAll
    static void stop() {
        dispatcher.close();
        events.close();
        scheduler.shutdownNow();
        receiver.stop(0);
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        assertThat(browser.policyViolations()).as("CSP violations reported by the browser").isEmpty();
    }

    @Test
    void aWebhookAddedInTheFormShowsADeadDeliveryThatIsResentOnceTheReceiverRecovers() {
        browser.openLoginPage();
        browser.logIn();
        browser.openPage("#/webhooks", By.id("webhook-form"));

        browser.type(By.name("url"), "http://127.0.0.1:" + receiver.getAddress().getPort() + "/crm");
        browser.waitFor(By.id("event-call.ended")).click();
        browser.waitFor(By.cssSelector("#webhook-form button[type=submit]")).click();

        long id = await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.list(), l -> l.size() == 1).getFirst().id();
        browser.waitForText(By.id("webhooks-status"), "Webhook " + id + " saved.");
        String shown = browser.text(By.id("webhook-secret"));
        assertThat(shown).contains("whsec_");
        String secret = shown.substring(shown.indexOf("whsec_")).strip();
        assertThat(webhooks.secret(webhooks.get(id))).as("the secret shown is the one stored").isEqualTo(secret);
        By row = By.cssSelector("#webhooks tr[data-webhook='" + id + "']");
        assertThat(browser.text(row)).contains("/crm", "call.ended", "yes");

        events.publish(new PbxEvent.CallStarted(Instant.now(), "c-9", "1001", "1002"));
        events.publish(new PbxEvent.CallEnded(Instant.now(), "c-9", "BUSY", "callee busy"));
        browser.waitFor(By.cssSelector("button[aria-label='Deliveries of webhook " + id + "']")).click();
        By log = By.id("deliveries");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.text(log).contains("dead"));
        assertThat(browser.text(log)).contains("call.ended", "500", "HTTP 500");
        browser.screenshot("webhookDead");

        answer = 200;
        long dead = webhooks.deliveries(id, 10).getFirst().id();
        browser.waitFor(By.cssSelector("button[aria-label='Re-send delivery " + dead + "']")).click();
        browser.waitForText(By.id("deliveries-status"), "queued as attempt 3");
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.text(log).contains("delivered"));
        assertThat(browser.text(log)).contains("200");
        String[] last = received.getLast();
        assertThat(WebhookSignature.verify(secret, last[0], last[1])).as("signed with the generated secret").isTrue();
        assertThat(last[1]).contains("\"caller\":\"1001\"", "\"callee\":\"1002\"", "\"disposition\":\"BUSY\"");
        browser.screenshot("webhookResent");

        browser.waitFor(By.cssSelector("button[aria-label='Delete webhook " + id + "']")).click();
        browser.waitFor(By.id("confirm-delete")).click();
        browser.waitForText(By.id("webhooks-status"), "Webhook " + id + " deleted.");
        assertThat(webhooks.list()).isEmpty();
    }
}
