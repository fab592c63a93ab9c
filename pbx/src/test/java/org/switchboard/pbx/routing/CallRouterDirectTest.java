package org.switchboard.pbx.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * A direct plan (a queue offering a caller to its agents): only the extensions' registered phones ring,
 * their forwarding and last resort ignored, no fallback; do-not-disturb and phoneless extensions left
 * out. Real dial plan, call settings and registrar, on both engines.
 */
class CallRouterDirectTest {
    private static final ExtensionLastResort VOICEMAIL = (number, reason) -> Optional.of(new Destination("voicemail", number));

    @BothEngines
    void aDirectPlanRingsOnlyThePhonesIgnoringForwardingAndLastResort(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1002", "1003", "1004", "1009")
                .registered("1002", "1003", "1009")) {
            f.forwardAlways("1002", "1009");
            f.settings("1003", null, null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true);
            CallRouter router = f.routerWith(VOICEMAIL);

            CallPlan plan = router.plan("1001", new Destination("extension", "1002"), "600", true, List.of("1003", "1004"));

            assertThat(plan.action()).as("steps %s", plan.steps()).isInstanceOf(CallPlan.Ring.class);
            CallPlan.Ring ring = (CallPlan.Ring) plan.action();
            assertThat(ring.contacts()).extracting(Binding::extension).as("1002's forward always ignored; 1003 on DND, "
                    + "1004 without a phone left out").containsExactly("1002");
            assertThat(ring.onBusy()).as("no forwarding, no last resort").isEmpty();
            assertThat(ring.onNoAnswer()).isEmpty();
            assertThat(router.plan("1001", new Destination("extension", "1002"), "600").action())
                    .as("the same destination not direct follows the forwarding").isNotEqualTo(plan.action());
        }
    }

    @BothEngines
    void nobodyToRingIsRefusedInsteadOfGoingToVoicemail(TestDatabase db) {
        try (CallRouterFixture f = new CallRouterFixture(db, "1001", "1003", "1004").registered("1003")) {
            f.settings("1003", null, null, null, NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true);
            CallRouter router = f.routerWith(VOICEMAIL);

            assertThat(router.plan("1001", new Destination("extension", "1003"), "600", true, List.of()).action())
                    .isEqualTo(new CallPlan.Reject(486, "extension 1003 is set to do not disturb"));
            assertThat(router.plan("1001", new Destination("extension", "1004"), "600", true, List.of("1003")).action())
                    .isEqualTo(new CallPlan.Reject(480, "no registered phone among 1004, 1003"));
        }
    }
}
