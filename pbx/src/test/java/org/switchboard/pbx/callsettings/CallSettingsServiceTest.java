package org.switchboard.pbx.callsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Feature;
import org.switchboard.pbx.routing.FeatureCode;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.callsettings.CallSettings;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.JdbiCallSettingsStore;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class CallSettingsServiceTest {
    private TestDatabase db;
    private ExtensionService extensions;
    private DialPlanService dialPlan;
    private CallSettingsService service;
    private final EventBus events = new EventBus();

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        for (String n : List.of("1001", "1002", "1003")) {
            extensions.create(new ExtensionInput(n, "Ext " + n, "password-" + n, null, null, false, true), "test");
        }
        dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.create(new NewDialPlanRule(10, "dnd on", "\\*78", RuleAction.FEATURE, "dnd_on"), "test");
        dialPlan.create(new NewDialPlanRule(100, "internal", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"), "test");
        service = newService();
    }

    private CallSettingsService newService() {
        CallSettingsService s = new CallSettingsService(new JdbiCallSettingsStore(db.database()), extensions, dialPlan,
                Clock.systemUTC(), events);
        s.reloadCache();
        return s;
    }

    @AfterEach
    void close() {
        events.close();
        db.close();
    }

    private static FeatureCode code(Feature feature, String dialled, String argument) {
        return new FeatureCode(feature, dialled, Optional.ofNullable(argument));
    }

    @Test
    void committedChangesArePublishedAsConfigChanged() throws InterruptedException {
        BlockingQueue<PbxEvent> seen = new LinkedBlockingQueue<>();
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, seen::add);

        service.applyFeatureCode("1001", code(Feature.DND_ON, "*78", null));
        long ruleId = dialPlan.list().getFirst().id();
        dialPlan.delete(ruleId, "test");
        extensions.delete("1003", "test");

        assertThat(List.of(next(seen), next(seen), next(seen))).containsExactly(
                "call_settings 1001 UPDATED", "dialplan_rule " + ruleId + " DELETED", "extension 1003 DELETED");
    }

    private static String next(BlockingQueue<PbxEvent> seen) throws InterruptedException {
        PbxEvent event = seen.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event").isInstanceOf(ConfigChanged.class);
        ConfigChanged c = (ConfigChanged) event;
        return c.entity() + " " + c.key() + " " + c.change();
    }

    @Test
    void anExtensionThatNeverSavedSettingsHasTheDefaults() {
        assertThat(service.get("1001").values()).isEqualTo(NewCallSettings.DEFAULTS);
        assertThat(service.current("1001").values()).isEqualTo(NewCallSettings.DEFAULTS);
        assertThatThrownBy(() -> service.get("1999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void updatePersistsAndIsInTheCacheAndSurvivesANewService() {
        NewCallSettings values = new NewCallSettings(Forwarding.OFF, new Forwarding(true, "1002"),
                new Forwarding(true, "1003"), 30, true);

        service.update("1001", values, "test");

        assertThat(service.current("1001").values()).isEqualTo(values);
        assertThat(newService().current("1001").values()).isEqualTo(values);
    }

    @Test
    void enabledTargetsMustReachAnotherExtensionThroughTheDialPlan() {
        assertTargetRefused(new NewCallSettings(new Forwarding(true, "1999"), null, null, 20, false), "forward_always.target");
        assertTargetRefused(new NewCallSettings(null, new Forwarding(true, "1001"), null, 20, false), "forward_busy.target");
        assertTargetRefused(new NewCallSettings(null, null, new Forwarding(true, "*78"), 20, false), "forward_no_answer.target");
        assertThatThrownBy(() -> service.update("1999", NewCallSettings.DEFAULTS, "test")).isInstanceOf(NotFoundException.class);
        // A switched-off forwarding may keep a target that cannot be dialled now.
        service.update("1001", new NewCallSettings(new Forwarding(false, "1999"), null, null, 20, false), "test");
        assertThat(service.current("1001").values().forwardAlways().target()).isEqualTo("1999");
    }

    @Test
    void forwardFeatureCodesTurnForwardingOnWithTheDialledTargetOrTheLastOne() {
        CallSettings on = service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*721002", "1002"));
        assertThat(on.values().forwardAlways()).isEqualTo(new Forwarding(true, "1002"));

        service.applyFeatureCode("1001", code(Feature.FORWARD_OFF, "*73", null));
        assertThat(service.current("1001").values().forwardAlways()).isEqualTo(new Forwarding(false, "1002"));

        service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*72", null));
        assertThat(service.current("1001").values().forwardAlways()).isEqualTo(new Forwarding(true, "1002"));
    }

    @Test
    void forwardOnWithoutAnyTargetOrToAnUnknownNumberIsRefused() {
        assertThatThrownBy(() -> service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*72", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("forward_always.target"));
        assertThatThrownBy(() -> service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*721999", "1999")))
                .isInstanceOf(ValidationException.class);
        assertThat(service.current("1001").values()).isEqualTo(NewCallSettings.DEFAULTS);
    }

    @Test
    void dndFeatureCodesToggleDoNotDisturbAndKeepEverythingElse() {
        service.update("1001", new NewCallSettings(null, new Forwarding(true, "1002"), null, 45, false), "test");

        service.applyFeatureCode("1001", code(Feature.DND_ON, "*78", null));
        assertThat(service.current("1001").values().doNotDisturb()).isTrue();
        assertThat(service.current("1001").values().forwardBusy()).isEqualTo(new Forwarding(true, "1002"));
        assertThat(service.current("1001").values().noAnswerTimeoutSeconds()).isEqualTo(45);

        service.applyFeatureCode("1001", code(Feature.DND_OFF, "*79", null));
        assertThat(newService().current("1001").values().doNotDisturb()).isFalse();
    }

    @Test
    void theDialPlansDecisionGoesStraightIntoTheService() {
        Route route = dialPlan.route("1002", "*78").route();

        service.applyFeatureCode("1002", FeatureCode.of((Route.ToApplication) route));

        assertThat(service.current("1002").values().doNotDisturb()).isTrue();
    }

    @Test
    void voicemailIsNotACallSettingsFeature() {
        assertThat(CallSettingsService.handles(Feature.VOICEMAIL)).isFalse();
        assertThat(CallSettingsService.handles(Feature.DND_ON)).isTrue();
        assertThatThrownBy(() -> service.applyFeatureCode("1001", code(Feature.VOICEMAIL, "*97", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void featureCodesDialledAtOnceAreAllKept() throws Exception {
        service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*721002", "1002"));
        service.applyFeatureCode("1001", code(Feature.FORWARD_OFF, "*73", null));
        List<Callable<CallSettings>> both = List.of(
                () -> service.applyFeatureCode("1001", code(Feature.DND_ON, "*78", null)),
                () -> service.applyFeatureCode("1001", code(Feature.FORWARD_ON, "*72", null)));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<CallSettings> f : pool.invokeAll(both)) {
                f.get();
            }
        }

        NewCallSettings after = newService().current("1001").values();
        assertThat(after.doNotDisturb()).isTrue();
        assertThat(after.forwardAlways().enabled()).isTrue();
    }

    private void assertTargetRefused(NewCallSettings values, String field) {
        assertThatThrownBy(() -> service.update("1001", values, "test")).as("%s", values)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
