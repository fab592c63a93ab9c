package org.switchboard.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.http.Routes;
import org.switchboard.api.webhook.WebhookRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.provisioning.ProvisioningKeyFile;
import org.switchboard.pbx.webhook.WebhookDispatcher;
import org.switchboard.pbx.webhook.WebhookService;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.webhook.JdbiWebhookStore;

/**
 * Webhooks (docs/webhooks.md): the subscriptions' cache, the dispatcher that follows the bus and
 * sends due attempts (including those a stopped node left pending) once the housekeeping
 * scheduler runs, a daily purge of the delivery log, and the routes. Secrets are sealed with the
 * node's provisioning key file, like trunk passwords. Built and driven by the start-up thread.
 */
final class WebhookModule implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(WebhookModule.class);
    /** How long settled attempts stay in the delivery log. */
    static final Duration KEEP_LOG = Duration.ofDays(30);

    private final WebhookService webhooks;
    private final WebhookDispatcher dispatcher;
    private EventBus events;

    private WebhookModule(WebhookService webhooks, WebhookDispatcher dispatcher) {
        this.webhooks = webhooks;
        this.dispatcher = dispatcher;
    }

    static WebhookModule build(SwitchboardConfig config, Database database, EventBus events, Clock clock) {
        DeviceSecretCipher cipher = new DeviceSecretCipher(ProvisioningKeyFile.loadOrCreate(config.provisioning().keyFile()));
        JdbiWebhookStore store = new JdbiWebhookStore(database);
        WebhookService webhooks = new WebhookService(store, cipher, clock, events);
        return new WebhookModule(webhooks, new WebhookDispatcher(webhooks, store, config.webhooks(), clock));
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public void loadCaches() {
        webhooks.reloadCache();
    }

    @Override
    public void subscribe(EventBus bus) {
        this.events = bus;
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        // The dispatcher's tick only starts a virtual thread, as the scheduler requires.
        dispatcher.start(events, housekeeping.scheduler());
        housekeeping.every("webhook-log", Duration.ofDays(1), () -> {
            int purged = webhooks.purgeLog(KEEP_LOG);
            if (purged > 0) {
                log.info("webhook delivery log purged attempts={} older_than_days={}", purged, KEEP_LOG.toDays());
            }
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new WebhookRoutes(webhooks, dispatcher::wake));
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
