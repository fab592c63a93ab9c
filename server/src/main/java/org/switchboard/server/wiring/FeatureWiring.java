package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.switchboard.pbx.phonebook.PhoneBookService;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.cdr.CdrService;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.ivr.AttendantService;
import org.switchboard.pbx.prompt.PromptService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.pbx.voicemail.VoicemailEvents;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.store.phonebook.JdbiPhoneBookStore;
import org.switchboard.store.ivr.JdbiAttendantStore;
import org.switchboard.store.prompt.JdbiPromptStore;
import org.switchboard.pbx.voicemail.mail.RetrySchedule;
import org.switchboard.pbx.voicemail.mail.VoicemailMailer;
import org.switchboard.pbx.voicemail.mwi.MessageWaiting;
import org.switchboard.store.mail.JdbiMailOutboxStore;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.cdr.JdbiCdrStore;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.digestrule.JdbiDigestRuleStore;
import org.switchboard.store.moh.JdbiMohStore;
import org.switchboard.store.voicemail.JdbiVoicemailStore;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.moh.MohService;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.seed.Seed;

/**
 * Builds the PBX services on the stores, and the {@link FeatureModule}s that give each feature's
 * seeds, caches, subscriptions, jobs, destinations, routes and shutdown to the server's loops. One
 * place per feature: a new feature adds its module here. Called by the start-up thread or a CLI
 * command.
 */
public final class FeatureWiring {
    private static final Logger log = LoggerFactory.getLogger(FeatureWiring.class);

    private FeatureWiring() {}

    /** The services; their caches are empty until {@link #loadCaches} runs. */
    public static Features build(Stores stores, SwitchboardConfig config, MeterRegistry registry, Clock clock) {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        EventBus events = new EventBus();
        // The SIP domain is the digest realm (RFC 3261 §22.1), so HA1s are computed for it.
        ExtensionService extensions = new ExtensionService(stores.extensions(), config.sip().domain(), hasher, clock, events);
        AdminAuthService adminAuth = AdminModule.authService(stores, config, hasher, clock);
        Database db = stores.database();
        DialPlanService dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db), extensions, clock, events);
        CallSettingsService callSettings = new CallSettingsService(new JdbiCallSettingsStore(db), extensions, dialPlan, clock,
                events);
        JdbiCdrStore cdrStore = new JdbiCdrStore(db, clock);
        // CDRs are never dropped: a full queue makes the producer wait (persistence.md, write-behind).
        CdrRecorder cdrRecorder = new CdrRecorder(db, cdrStore, BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), registry);
        DigestRuleService digestRules = new DigestRuleService(new JdbiDigestRuleStore(db), clock, events);
        MohService moh = new MohService(new JdbiMohStore(db), config.dataDir().resolve(MohModule.FOLDER),
                callSettings::current, events, clock, registry);
        // Message waiting and voicemail by e-mail are told of every box change; message waiting reads
        // a box's counts from the service once SIP starts (MessageWaitingModule).
        MessageWaiting messageWaiting = new MessageWaiting(task -> Thread.ofVirtual().name("mwi-counts").start(task),
                config.mwi().unsolicitedUserAgents(), config.sip().domain());
        Optional<VoicemailMailer> mailer = MailModule.smtpSettings(config).map(smtp -> new VoicemailMailer(
                new JdbiMailOutboxStore(db), smtp, RetrySchedule.DEFAULT, clock));
        bindNotificationMetrics(registry, messageWaiting, mailer);
        // VoicemailEvents puts each message left on the bus (webhooks' voicemail.left).
        List<MailboxListener> listeners = mailer.isPresent()
                ? List.of(messageWaiting, mailer.get(), new VoicemailEvents(events))
                : List.of(messageWaiting, new VoicemailEvents(events));
        // The folder is created with the first box that keeps a file, so a CLI command leaves no trace.
        VoicemailService voicemail = new VoicemailService(new JdbiVoicemailStore(db), extensions,
                config.dataDir().resolve(VoicemailModule.FOLDER), config.voicemail(), clock, listeners);
        PromptService prompts = new PromptService(new JdbiPromptStore(db), config.dataDir().resolve(PromptModule.FOLDER), clock, events);
        AttendantService attendant = new AttendantService(new JdbiAttendantStore(db), dialPlan.kinds(), prompts, clock, events);
        return new Features(extensions, adminAuth, dialPlan, callSettings, new CdrService(cdrStore), cdrRecorder,
                events, digestRules, moh, voicemail, messageWaiting, mailer, prompts, attendant,
                new PhoneBookService(new JdbiPhoneBookStore(db), clock, events));
    }

    private static void bindNotificationMetrics(MeterRegistry registry, MessageWaiting messageWaiting,
            Optional<VoicemailMailer> mailer) {
        Gauge.builder("switchboard.mwi.subscriptions", messageWaiting, MessageWaiting::subscriptions)
                .description("Live message-waiting subscriptions on this node").register(registry);
        FunctionCounter.builder("switchboard.mwi.notifies", messageWaiting, MessageWaiting::notifiesSent)
                .description("Message-waiting NOTIFYs sent").register(registry);
        mailer.ifPresent(m -> {
            FunctionCounter.builder("switchboard.voicemail.mails.sent", m, VoicemailMailer::sent)
                    .description("Voicemail mails the mail server accepted").register(registry);
            FunctionCounter.builder("switchboard.voicemail.mails.failures", m, VoicemailMailer::failures)
                    .description("Failed attempts to send a voicemail mail (each is retried)").register(registry);
        });
    }

    /**
     * The feature modules of a node, in the order their parts run: STIR/SHAKEN (first, so a bad key file stops the start before any
     * other module holds resources), the first admin, the
     * extensions, the provisioned devices (which name extensions, so they come after them), the
     * dial plan (its seed checks rules against the destination kinds registered by then; its
     * cache decides with extension data), the call settings (which check targets through the dial
     * plan), the digest User-Agent rules, the CDRs, the milliwatt test line, music on hold (its seed needs no
     * other; the class choice lives in the call settings), voicemail, message waiting, voicemail mail, the
     * SIP trunks, the outbound routes (which use the trunks and STIR/SHAKEN's signer), the inbound routes (calls
     * from the trunks' addresses), emergency calls (the outbound routes' trunk order and channels, the inbound routes'
     * DIDs), the time rules, fraud control (whose checks run before an outbound call's trunks; emergency calls skip
     * them), the prompts, the auto attendant (whose menus name prompts), webhooks, conference rooms, ring groups,
     * parking, call pickup, the call queues (whose timeout actions name other destinations), paging, recording, the
     * phone book (which names callers once SIP runs). A new feature
     * adds one line here.
     */
    public static List<FeatureModule> modules(Features features, SwitchboardConfig config, InitialAdminSeed adminSeed,
            ProvisioningWiring provisioning, Database database, Clock clock) {
        StirShakenModule stirShaken = StirShakenModule.build(config, clock);
        TrunkModule trunks = TrunkModule.build(config, database, features.events(), clock);
        OutboundRouteModule outbound = OutboundRouteModule.build(trunks, stirShaken, database, features.events(), clock,
                config.calls().timeZone());
        InboundRouteModule inbound = InboundRouteModule.build(trunks, stirShaken, features.dialPlan().kinds(), database,
                features.events(), clock);
        TimeRuleModule timeRules = TimeRuleModule.build(features, config, database, clock);
        return List.of(stirShaken, AdminModule.build(features.adminAuth(), adminSeed, database, config, clock),
                new ExtensionModule(features.extensions(), config.extensions()),
                provisioning,
                new DialPlanModule(features.dialPlan()),
                new CallSettingsModule(features.callSettings()),
                new DigestRuleModule(features.digestRules(), config.sip().digestUserAgentRules()),
                new CdrModule(features.cdrs(), features.cdrRecorder(), database.engine(), clock),
                new MilliwattModule(),
                new MohModule(features.moh(), config.mohClasses()),
                new VoicemailModule(features.voicemail(), features.prompts(), clock),
                new MessageWaitingModule(features.messageWaiting(), features.voicemail(), config.mwi()),
                new MailModule(features.mailer()),
                trunks,
                outbound,
                inbound,
                EmergencyModule.build(features, config, trunks, outbound, inbound, stirShaken, database, clock),
                timeRules,
                FraudModule.build(features, config, database, clock, trunks, outbound, timeRules),
                new PromptModule(features.prompts()),
                IvrModule.of(features.attendant(), features.prompts(), features.extensions()),
                WebhookModule.build(config, database, features.events(), clock),
                ConferenceModule.build(features, config, database, clock),
                RingGroupModule.build(features, database, clock),
                FollowMeModule.build(features, database, clock),
                ParkingModule.build(features, config, database, clock),
                PickupModule.build(features, database, clock),
                QueueModule.build(features, database, clock),
                PagingModule.build(features, database, clock),
                RecordingModule.build(features, config, database, clock),
                new PhoneBookModule(features.phoneBook(), features.extensions()));
    }

    /** Registers every module's destination kinds with the dial plan (before any seed runs). */
    public static void registerDestinations(List<FeatureModule> modules, DialPlanService dialPlan) {
        for (FeatureModule module : modules) {
            module.destinations().forEach(d -> dialPlan.kinds().register(d.kind()));
        }
    }

    /** Every module's seeds, in module order. */
    public static List<Seed> seeds(List<FeatureModule> modules) {
        return modules.stream().flatMap(m -> m.seeds().stream()).toList();
    }

    /**
     * Loads every module's caches from the database (after seeding), then subscribes each to the
     * changes it follows, then schedules the periodic jobs: the node is ready for traffic after.
     */
    public static void start(List<FeatureModule> modules, EventBus events, Housekeeping housekeeping) {
        modules.forEach(FeatureModule::loadCaches);
        modules.forEach(m -> m.subscribe(events));
        modules.forEach(m -> m.schedule(housekeeping));
        log.info("feature modules started modules={}", modules.stream().map(FeatureModule::name).toList());
    }

    /** Tells every module that SIP runs, in module order. */
    public static void sipStarted(List<FeatureModule> modules, SipWiring sip) {
        modules.forEach(m -> m.sipStarted(sip));
    }

    /** Tells every module, the last one first, that SIP is about to stop. */
    public static void sipStopping(List<FeatureModule> modules) {
        for (FeatureModule module : modules.reversed()) {
            try {
                module.sipStopping();
            } catch (RuntimeException e) {
                log.warn("stopping the SIP work of a feature module failed module={} reason={}", module.name(), e.toString());
            }
        }
    }

    /** Closes every module, the last one first (each flushes what it holds before the pool closes). */
    public static void close(List<FeatureModule> modules) {
        for (FeatureModule module : modules.reversed()) {
            try {
                module.close();
            } catch (RuntimeException e) {
                log.warn("closing feature module failed module={} reason={}", module.name(), e.toString());
            }
        }
    }
}
