package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RingingCallsTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    private final RingingCalls calls = new RingingCalls();

    @Test
    void theLongestRingingCallOfTheExtensionsIsChosen() {
        calls.ringing("b", "1001", Set.of("1002"), T0.plusSeconds(5));
        calls.ringing("a", "1004", Set.of("1002", "1003"), T0);
        calls.ringing("c", "1005", Set.of("1006"), T0.minusSeconds(5));

        assertThat(calls.longestRinging(List.of("1002"), "1009")).map(RingingCalls.Ringing::callId).contains("a");
        assertThat(calls.longestRinging(List.of("1003", "1006"), "1009")).map(RingingCalls.Ringing::callId).contains("c");
        assertThat(calls.longestRinging(List.of("1007"), "1009")).isEmpty();
        assertThat(calls.all()).extracting(RingingCalls.Ringing::callId).containsExactly("c", "a", "b");
    }

    @Test
    void aCallThatStoppedRingingIsNoLongerFound() {
        calls.ringing("a", "1004", Set.of("1002"), T0);
        calls.ringing("b", "1001", Set.of("1002"), T0.plusSeconds(1));

        calls.stopped("a");

        assertThat(calls.longestRinging(List.of("1002"), "1009")).map(RingingCalls.Ringing::callId).contains("b");
    }

    @Test
    void aRingMovingOnKeepsWhenTheCallFirstRang() {
        calls.ringing("a", "1004", Set.of("1002"), T0);
        calls.ringing("b", "1001", Set.of("1003"), T0.plusSeconds(1));
        calls.ringing("a", "1004", Set.of("1003"), T0.plusSeconds(20)); // 1002 forwarded on no answer to 1003

        assertThat(calls.longestRinging(List.of("1003"), "1009")).map(RingingCalls.Ringing::callId).contains("a");
        assertThat(calls.longestRinging(List.of("1002"), "1009")).as("1002 rings no more").isEmpty();
    }

    @Test
    void theCallersOwnCallIsNotPickedUp() {
        calls.ringing("a", "1003", Set.of("1002"), T0);

        assertThat(calls.longestRinging(List.of("1002"), "1003")).isEmpty();
    }
}
