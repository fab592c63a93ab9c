package org.switchboard.pbx.sipban;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.sip.transport.InboundLimits;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A REGISTER flood from one source address (SIPp on 127.0.0.2) against a registrar whose per-source
 * rate limit the test sets low: past the limit the flood gets no answer at all (so no 401 larger
 * than the request goes to a spoofed victim), while a phone on the same machine (127.0.0.1, under
 * its limit) registers during the flood.
 */
class RegisterFloodIT {
    private static final int LIMIT_PER_SECOND = 20;
    private static final int FLOOD = 3000;

    @Test
    void aFloodIsMostlyUnansweredPastTheLimitWhileAPhoneOnTheSameMachineRegisters() throws Exception {
        InboundLimits limits = new InboundLimits(LIMIT_PER_SECOND, Duration.ofSeconds(1), 10, 1000,
                Duration.ofSeconds(30), List.of());
        try (GuardedRegistrar node = new GuardedRegistrar(TestDatabases.sqlite(), limits, SipBanSettings.DEFAULTS)) {
            node.addExtension("1001", "phone-password-1");
            Sipp.Running flood = Sipp.scenario("flood_register.xml").target(node.port()).calls(FLOOD).rate(1000)
                    .option("-s", "1002", "-i", "127.0.0.2").runLimitSeconds(60).start();

            Sipp.scenario("register.xml").target(node.port()).localPort(FreePorts.udpAndTcp())
                    .credentials("1001", "phone-password-1").key("expires", "300").key("ua", "phone").key("mac", "-")
                    .run().assertAllCallsSucceeded("a phone on 127.0.0.1 registers during the flood from 127.0.0.2");

            Sipp.Result flooded = flood.awaitResult();
            int sent = count(flooded.screen(), "REGISTER -+>");
            int answered = count(flooded.screen(), "401 <-+");
            assertThat(sent).as("REGISTERs the flood sent%n%s", flooded.screen()).isEqualTo(FLOOD);
            assertThat(answered).as("401s the flood got: at most the limit per second of the run, "
                    + "not %d%n%s", FLOOD, flooded.screen()).isLessThan(FLOOD / 4);
            assertThat(node.sourceGuard.counters().droppedRateLimited()).isGreaterThanOrEqualTo(FLOOD - answered);
            assertThat(node.registrar.location().lookup("1001")).hasSize(1);
        }
    }

    /** The first count on the screen line of the message {@code arrow} (e.g. {@code 401 <-+}). */
    private static int count(String screen, String arrow) {
        Matcher m = Pattern.compile(arrow + "\\s+(\\d+)").matcher(screen);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1)); // the screen file holds the final screen last
        }
        assertThat(last).as("a '%s' line on the SIPp screen%n%s", arrow, screen).isNotNegative();
        return last;
    }
}
