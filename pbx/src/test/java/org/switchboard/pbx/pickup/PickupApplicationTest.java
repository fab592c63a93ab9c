package org.switchboard.pbx.pickup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.call.RingingCalls;
import org.switchboard.pbx.call.RingingCallsFixture;
import org.switchboard.pbx.call.TrunkDial;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.pickup.CallPickup;
import org.switchboard.store.pickup.ExtensionPickupGroups;
import org.switchboard.store.pickup.PickupGroupStore;

/** Which ringing call a pickup chooses: by extension, by the picker's groups, the longest-ringing, or a refusal. */
class PickupApplicationTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    private final RingingCalls ringing = new RingingCalls();
    private final List<CallPickup> recorded = new ArrayList<>();
    private PickupApplication pickup;

    @BeforeEach
    void groups() {
        List<ExtensionPickupGroups> stored = List.of(new ExtensionPickupGroups("1001", List.of("sales")),
                new ExtensionPickupGroups("1002", List.of("sales", "support")),
                new ExtensionPickupGroups("1003", List.of("support")),
                new ExtensionPickupGroups("1004", List.of("sales")));
        PickupGroupStore store = new PickupGroupStore() {
            @Override
            public List<ExtensionPickupGroups> all() {
                return stored;
            }

            @Override
            public ExtensionPickupGroups save(ExtensionPickupGroups settings, Instant now) {
                throw new UnsupportedOperationException("the call path only reads");
            }
        };
        // The extensions are only asked when groups are saved, which the call path never does.
        PickupGroupService service = new PickupGroupService(store, null, Clock.systemUTC(), new EventBus());
        service.reloadCache();
        pickup = new PickupApplication(service, recorded::add, Clock.fixed(T0, ZoneOffset.UTC));
        pickup.useRinging(ringing);
        RingingCallsFixture.ringing(ringing, "to-1002-late", "2000", Set.of("1002"), T0.plusSeconds(3));
        RingingCallsFixture.ringing(ringing, "to-1002", "2001", Set.of("1002"), T0);
        RingingCallsFixture.ringing(ringing, "to-1003", "2002", Set.of("1003"), T0.minusSeconds(10));
        RingingCallsFixture.ringing(ringing, "to-1005", "2003", Set.of("1005"), T0.minusSeconds(20));
    }

    @Test
    void directedPickupTakesTheLongestRingingCallOfThatExtension() {
        Picker picker = start("1001", "1002");
        assertThat(picker.outcome).isEqualTo("picked to-1002");
        assertThat(recorded).as("recorded once the picker got the call").isEmpty();

        picker.pickedUp.run();

        assertThat(recorded).containsExactly(new CallPickup("to-1002", "1002", "1001", CallPickup.DIRECTED, T0));
    }

    @Test
    void groupPickupTakesTheLongestRingingCallOfAnyGroupMember() {
        assertThat(start("1004", PickupApplication.GROUP).outcome).as("sales: 1001, 1002, 1004").isEqualTo("picked to-1002");
        Picker both = start("1002", PickupApplication.GROUP);
        assertThat(both.outcome).as("sales and support: 1003 rang longest").isEqualTo("picked to-1003");
        both.pickedUp.run();
        assertThat(recorded).containsExactly(new CallPickup("to-1003", "1003", "1002", CallPickup.GROUP, T0));
    }

    @Test
    void nothingRingingIsRefusedWithTheReason() {
        assertThat(start("1001", "1006").outcome).isEqualTo("refused 480 Nothing Ringing For 1006");
        assertThat(start("1003", PickupApplication.GROUP).outcome).as("support: 1002 rings; what rings 1003 itself is not picked up")
                .isEqualTo("picked to-1002");
        assertThat(start("1005", PickupApplication.GROUP).outcome).isEqualTo("refused 404 Not In A Pickup Group");
    }

    @Test
    void theKindAcceptsGroupAnExtensionOrAGroupReference() {
        PickupApplication.kind().checkTarget("group");
        PickupApplication.kind().checkTarget("$1");
        PickupApplication.kind().checkTarget("1002");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PickupApplication.kind().checkTarget("sales"))
                .hasFieldOrPropertyWithValue("field", "target");
    }

    private Picker start(String caller, String target) {
        Picker picker = new Picker(caller);
        pickup.start(picker, new Route.ToApplication(PickupApplication.KIND, target, "**" + target, Optional.empty()));
        return picker;
    }

    /** A picker's INVITE that notes what the application did with it. */
    private static final class Picker implements IncomingCall {
        private final String caller;
        private String outcome = "nothing";
        private Runnable pickedUp;

        Picker(String caller) {
            this.caller = caller;
        }

        @Override
        public String id() {
            return "picker-" + caller;
        }

        @Override
        public String caller() {
            return caller;
        }

        @Override
        public String dialled() {
            return "*8";
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        @Override
        public void refuse(int status, String reason) {
            outcome = "refused " + status + " " + reason;
        }

        @Override
        public void answer(PbxLegListener listener) {
            outcome = "answered";
        }

        @Override
        public void relay(TrunkDial dial) {
            outcome = "relayed";
        }

        @Override
        public void pickUp(String ringingCallId, Runnable pickedUp) {
            outcome = "picked " + ringingCallId;
            this.pickedUp = pickedUp;
        }
    }
}
