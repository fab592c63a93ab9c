package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.fraud.FraudRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.Subscription;
import org.switchboard.pbx.fraud.CallPrice;
import org.switchboard.pbx.fraud.DailyUsage;
import org.switchboard.pbx.fraud.FraudEventLog;
import org.switchboard.pbx.fraud.FraudGuard;
import org.switchboard.pbx.fraud.FraudService;
import org.switchboard.pbx.fraud.UsageFromCdrs;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.fraud.JdbiBlockedPatternStore;
import org.switchboard.store.fraud.JdbiFraudEventStore;
import org.switchboard.store.fraud.JdbiFraudSettingsStore;

/**
 * Fraud control (docs/fraud-control.md): the settings, limits and patterns with their cache and
 * routes, today's usage (loaded from the CDRs at start, then kept by the call events), and the
 * guard added to the checks the outbound application runs before a call's first trunk. Days and
 * hours are read in {@code calls.time_zone}. Needs the trunks, the outbound routes (rates, channel
 * counts, checks) and the time rules. Built and driven by the start-up thread.
 */
final class FraudModule implements FeatureModule {
    private static final Logger log = LoggerFactory.getLogger(FraudModule.class);

    private final FraudService fraud;
    private final DailyUsage usage;
    private final UsageFromCdrs fromCdrs;
    private final FraudEventLog events;
    private final Clock clock;
    private Subscription calls;

    private FraudModule(FraudService fraud, DailyUsage usage, UsageFromCdrs fromCdrs, FraudEventLog events, Clock clock) {
        this.fraud = fraud;
        this.usage = usage;
        this.fromCdrs = fromCdrs;
        this.events = events;
        this.clock = clock;
    }

    static FraudModule build(Features features, SwitchboardConfig config, Database database, Clock clock,
            TrunkModule trunks, OutboundRouteModule outbound, TimeRuleModule timeRules) {
        Clock local = clock.withZone(config.calls().timeZone());
        JdbiFraudEventStore eventStore = new JdbiFraudEventStore(database);
        FraudService fraud = new FraudService(new JdbiFraudSettingsStore(database), new JdbiBlockedPatternStore(database),
                eventStore, n -> features.extensions().find(n).isPresent(), n -> timeRules.rules().find(n).isPresent(),
                clock, features.events());
        CallPrice price = new CallPrice(outbound.rates());
        DailyUsage usage = new DailyUsage(price, local.getZone(), outbound.channels()::trunkOf);
        FraudEventLog events = new FraudEventLog(database, eventStore);
        outbound.checks().add(new FraudGuard(fraud, usage, timeRules.rules()::choose, local, events));
        return new FraudModule(fraud, usage, new UsageFromCdrs(new JdbiCdrStore(database, clock), trunks.trunks(), price),
                events, local);
    }

    @Override
    public String name() {
        return "fraud";
    }

    @Override
    public void loadCaches() {
        fraud.reloadCache();
        int priced = fromCdrs.load(usage, clock.instant(), clock.getZone());
        log.info("fraud usage loaded trunk_calls_today={}", priced);
    }

    @Override
    public void subscribe(EventBus bus) {
        calls = bus.subscribe("fraud-usage", EventBus.Delivery.LOSSLESS, 10_000, event -> {
            switch (event) {
                case PbxEvent.CallStarted started -> usage.started(started.callId(), started.caller(), started.callee());
                case PbxEvent.CallAnswered answered -> usage.answered(answered.callId(), answered.at());
                case PbxEvent.CallEnded ended -> usage.ended(ended.callId(), ended.at());
                // A renamed or deleted extension's limits followed it in the database.
                case PbxEvent.ConfigChanged changed when changed.entity().equals("extension") -> fraud.reloadCache();
                default -> { }
            }
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new FraudRoutes(fraud, usage, clock));
    }

    @Override
    public void close() {
        if (calls != null) {
            calls.close();
        }
        events.close();
    }
}
