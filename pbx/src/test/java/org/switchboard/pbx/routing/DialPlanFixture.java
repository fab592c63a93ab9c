package org.switchboard.pbx.routing;

import java.time.Clock;
import java.util.List;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionInput;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabase;

/** A real extension service and dial-plan service over a test database, with the documented default rules. */
final class DialPlanFixture {
    static final List<NewDialPlanRule> DEFAULT_RULES = List.of(
            new NewDialPlanRule(10, "voicemail", "\\*97", RuleAction.FEATURE, "voicemail"),
            new NewDialPlanRule(20, "forward on", "\\*72([0-9]{2,10})?", RuleAction.FEATURE, "forward_on"),
            new NewDialPlanRule(21, "forward off", "\\*73", RuleAction.FEATURE, "forward_off"),
            new NewDialPlanRule(30, "do not disturb on", "\\*78", RuleAction.FEATURE, "dnd_on"),
            new NewDialPlanRule(31, "do not disturb off", "\\*79", RuleAction.FEATURE, "dnd_off"),
            new NewDialPlanRule(100, "internal extensions", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"));

    final ExtensionService extensions;
    final DialPlanService dialPlan;

    DialPlanFixture(TestDatabase db) {
        extensions = new ExtensionService(new org.switchboard.store.extension.JdbiExtensionStore(db.database()), "pbx.test",
                new Argon2PasswordHasher(256, 1, 1), Clock.systemUTC(), new EventBus());
        extensions.reloadCache();
        dialPlan = new DialPlanService(new JdbiDialPlanRuleStore(db.database()), extensions, Clock.systemUTC(), new EventBus());
        dialPlan.reloadCache();
    }

    DialPlanFixture withDefaultRules() {
        DEFAULT_RULES.forEach(r -> dialPlan.create(r, "test"));
        return this;
    }

    DialPlanFixture withExtension(String number, boolean enabled) {
        extensions.create(new ExtensionInput(number, "Ext " + number, "password-" + number, null, null, false, enabled), "test");
        return this;
    }
}
