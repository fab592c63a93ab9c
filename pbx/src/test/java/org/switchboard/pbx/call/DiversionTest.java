package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.routing.Forward;
import org.switchboard.pbx.routing.ForwardReason;

class DiversionTest {
    @Test
    void noForwardingMeansNoHeader() {
        assertThat(Diversion.headers(List.of(), "pbx.test")).isEmpty();
    }

    @Test
    void oneHeaderPerHopTheMostRecentFirst() {
        List<Forward> hops = List.of(new Forward("1002", ForwardReason.ALWAYS, "1003", "1003"),
                new Forward("1003", ForwardReason.BUSY, "83", "1004"));
        assertThat(Diversion.headers(hops, "pbx.test")).containsExactly(
                "<sip:1003@pbx.test>;reason=user-busy;counter=1",
                "<sip:1002@pbx.test>;reason=unconditional;counter=1");
    }

    @Test
    void everyForwardingRuleHasItsRfc5806Reason() {
        assertThat(Diversion.reason(ForwardReason.ALWAYS)).isEqualTo("unconditional");
        assertThat(Diversion.reason(ForwardReason.BUSY)).isEqualTo("user-busy");
        assertThat(Diversion.reason(ForwardReason.NO_ANSWER)).isEqualTo("no-answer");
        assertThat(Diversion.reason(ForwardReason.DO_NOT_DISTURB)).isEqualTo("do-not-disturb");
        assertThat(Diversion.reason(ForwardReason.UNREGISTERED)).isEqualTo("unavailable");
    }
}
