package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The {@code *97} feature code of the default dial plan with a real SIPp caller: it hands the call
 * to the application of kind {@code mailbox} for the caller's own box (target {@code own}), and
 * without a voicemail module the caller still gets {@code 480 Voicemail Unavailable}.
 */
class VoicemailFeatureCodeIT {
    private CallHarness pbx;

    @AfterEach
    void stop() {
        pbx.close();
    }

    private void startPbx() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1071");
    }

    @Test
    void star97GoesToTheMailboxApplicationForTheCallersOwnBox() throws Exception {
        startPbx();
        List<Route.ToApplication> started = new CopyOnWriteArrayList<>();
        pbx.install(new ApplicationKind("mailbox", "a test mailbox", target -> { }), (call, destination) -> {
            started.add(destination);
            call.refuse(603, "Test Mailbox");
        });

        Sipp.Result caller = pbx.caller("uac_refused.xml", "1071", "*97").key("sdp_ip", "127.0.0.1").key("codec", "0").run();

        caller.assertAllCallsSucceeded("1071 dials *97");
        CallIT.assertFinalResponse(caller, 603);
        assertThat(started).containsExactly(new Route.ToApplication("mailbox", "own", "*97", Optional.empty()));
    }

    @Test
    void withoutAVoicemailModuleStar97IsStillRefusedWith480() throws Exception {
        startPbx();

        Sipp.Result caller = pbx.caller("uac_refused.xml", "1071", "*97").key("sdp_ip", "127.0.0.1").key("codec", "0").run();

        caller.assertAllCallsSucceeded("1071 dials *97");
        CallIT.assertFinalResponse(caller, 480);
    }
}
