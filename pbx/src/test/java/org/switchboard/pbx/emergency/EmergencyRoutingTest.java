package org.switchboard.pbx.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.route.LcrRateService;
import org.switchboard.pbx.route.TrunkOrder;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RoutingDecision;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkState;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.emergency.CivicAddress;
import org.switchboard.store.emergency.EmergencySettings;
import org.switchboard.store.emergency.JdbiEmergencyStore;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * Emergency numbers in the router, with real stores on both engines: they go to kind {@code
 * emergency} before a dial-plan rule that matches them, as dialled, naming the caller's location;
 * other numbers (and a number no longer configured) are the rules' again; the emergency trunks are
 * tried in the settings' order with a trunk marked down kept as the last resort and a disabled
 * one left out; settings naming an unknown trunk are refused.
 */
class EmergencyRoutingTest {
    private final Map<String, TrunkState.Health> health = new HashMap<>();
    private DialPlanService dialPlan;
    private TrunkService trunks;
    private EmergencyService service;
    private EmergencyTrunks emergencyTrunks;

    private void start(TestDatabase db) {
        EventBus events = new EventBus();
        ExtensionService extensions = new ExtensionService(new JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), events);
        extensions.create(new ExtensionInput("1001", "Alice", "password-1001", null, null, false, true), "test");
        extensions.reloadCache();
        dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), events);
        dialPlan.reloadCache();
        dialPlan.create(new NewDialPlanRule(100, "internal extensions", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"), "test");
        trunks = new TrunkService(new JdbiSipTrunkStore(db.database()), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), events);
        for (String name : List.of("primary", "backup", "off")) {
            trunks.create(new TrunkInput(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                    Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 1, Optional.empty(), List.of(),
                    !name.equals("off")), "test");
        }
        LcrRateService rates = new LcrRateService(new JdbiLcrRateStore(db.database()), trunks, Clock.systemUTC(), events);
        TrunkOrder order = new TrunkOrder(trunks, t -> new TrunkState(TrunkState.Registration.UNREGISTERED,
                health.getOrDefault(t.name(), TrunkState.Health.UP), Optional.empty(),
                Optional.of("no answer to 3 OPTIONS in a row"), Optional.empty()), rates);
        service = new EmergencyService(new JdbiEmergencyStore(db.database()), extensions, trunks, Clock.systemUTC(), events);
        service.reloadCache();
        emergencyTrunks = new EmergencyTrunks(order, trunks, Clock.systemUTC());
        dialPlan.putFirst(new EmergencyNumbers(service));
    }

    private static EmergencySettings settings(List<String> numbers, String... trunks) {
        return new EmergencySettings(numbers, List.of(trunks), Optional.of("15550001000"), List.of(), Optional.empty());
    }

    @BothEngines
    void anEmergencyNumberGoesToTheEmergencyRouteBeforeARuleThatMatchesIt(TestDatabase db) {
        start(db);
        service.saveSettings(settings(List.of("911", "112"), "primary"), "test");
        service.saveLocation("1001", new CivicAddress("US", "CA", "Springfield", "Main St", "100", Optional.of("2"),
                Optional.of("201"), Optional.empty(), Optional.empty()), "test");

        RoutingDecision decision = dialPlan.route("1001", "911");

        assertThat(decision.route()).isEqualTo(new Route.ToApplication(EmergencyKind.NAME, "911", "911", Optional.empty()));
        assertThat(decision.trail()).singleElement().satisfies(t -> assertThat(t.outcome())
                .contains("before any dial-plan rule").contains("100 Main St, floor 2, room 201, Springfield, CA, US"));
        assertThat(dialPlan.route("1001", "112").route()).isInstanceOf(Route.ToApplication.class);
        assertThat(dialPlan.route("1001", "1001").route()).as("other numbers: the rules decide")
                .isEqualTo(new Route.ToExtension("1001"));
    }

    @BothEngines
    void aNumberNoLongerConfiguredIsTheRulesAgain(TestDatabase db) {
        start(db);
        assertThat(dialPlan.route("1001", "911").route()).as("911 before anything is saved")
                .isInstanceOf(Route.ToApplication.class);

        service.saveSettings(settings(List.of("112"), "primary"), "test");

        assertThat(dialPlan.route("1001", "911").route()).as("the rule for internal extensions")
                .isEqualTo(new Route.Rejected("no extension 911", 404));
        assertThat(dialPlan.route("2002", "112").trail()).singleElement()
                .satisfies(t -> assertThat(t.outcome()).contains("none saved for 2002"));
    }

    @BothEngines
    void trunksAreTriedInOrderWithADownOneLastAndADisabledOneLeftOut(TestDatabase db) {
        start(db);
        health.put("primary", TrunkState.Health.DOWN);
        EmergencySettings settings = settings(List.of("911"), "off", "primary", "backup");

        assertThat(emergencyTrunks.tried(settings, "911")).extracting(t -> t.name()).containsExactly("backup", "primary");
        assertThat(emergencyTrunks.explain(settings, "911")).containsExactly("backup: route order",
                "off: skipped, disabled", "primary: tried last, down (no answer to 3 OPTIONS in a row)");
    }

    @BothEngines
    void settingsNamingNoOrAnUnknownTrunkAreRefused(TestDatabase db) {
        start(db);
        for (EmergencySettings bad : List.of(settings(List.of("911")), settings(List.of("911"), "nowhere"))) {
            assertThatThrownBy(() -> service.saveSettings(bad, "test"))
                    .hasFieldOrPropertyWithValue("field", "trunks");
        }
        assertThat(service.settings()).isEqualTo(EmergencySettings.UNSET);
    }
}
