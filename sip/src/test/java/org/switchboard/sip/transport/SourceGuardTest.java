package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceGuardTest {
    private static final InetAddress FLOODER = InetAddress.ofLiteral("192.0.2.1");
    private static final InetAddress PHONE = InetAddress.ofLiteral("192.0.2.2");
    private static final InetAddress BENCH = InetAddress.ofLiteral("10.1.2.3");
    private static final byte[] REGISTER = "REGISTER sip:pbx SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = "SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private SourceGuard guard(InboundLimits limits, BlockedSources blocked) {
        return new SourceGuard(limits, blocked, nanos::get);
    }

    private static InboundLimits limits(int requests, int perSource, int total) {
        return new InboundLimits(requests, Duration.ofSeconds(2), perSource, total, Duration.ofSeconds(10),
                List.of(AddressRange.parse("10.0.0.0/8")));
    }

    @Test
    void requestsOverTheSourcesRateAreDroppedAndCountedWhileOtherSourcesPass() {
        SourceGuard guard = guard(limits(5, 10, 100), BlockedSources.NONE);

        long admitted = IntStream.range(0, 50).filter(i -> guard.admits(REGISTER, FLOODER)).count();

        assertThat(admitted).as("requests admitted from the flooder in one window").isEqualTo(5);
        assertThat(guard.counters().droppedRateLimited()).isEqualTo(45);
        assertThat(guard.admits(REGISTER, PHONE)).as("another source keeps its own budget").isTrue();
    }

    @Test
    void theBudgetComesBackInTheNextWindow() {
        SourceGuard guard = guard(limits(2, 10, 100), BlockedSources.NONE);
        guard.admits(REGISTER, FLOODER);
        guard.admits(REGISTER, FLOODER);
        assertThat(guard.admits(REGISTER, FLOODER)).isFalse();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(guard.admits(REGISTER, FLOODER)).isTrue();
    }

    @Test
    void responsesAndTrustedSourcesAreNotRateLimitedButBannedSourcesAreDropped() {
        SourceGuard guard = guard(limits(1, 10, 100), Set.of(PHONE)::contains);
        for (int i = 0; i < 10; i++) {
            assertThat(guard.admits(REGISTER, BENCH)).as("trusted 10.0.0.0/8").isTrue();
            assertThat(guard.admits(RESPONSE, FLOODER)).as("a response").isTrue();
        }
        assertThat(guard.admits(RESPONSE, PHONE)).as("anything from a banned source").isFalse();
        assertThat(guard.counters().droppedBanned()).isEqualTo(1);
    }

    @Test
    void noRateLimitWhenTheLimitIsZero() {
        SourceGuard guard = guard(limits(0, 10, 100), BlockedSources.NONE);
        for (int i = 0; i < 1000; i++) {
            assertThat(guard.admits(REGISTER, FLOODER)).isTrue();
        }
    }

    @Test
    void connectionsAreLimitedPerSourceAndInTotalAndClosingGivesThePlaceBack() {
        SourceGuard guard = guard(limits(0, 2, 3), Set.of(PHONE)::contains);
        assertThat(guard.tryOpen(FLOODER)).isTrue();
        assertThat(guard.tryOpen(FLOODER)).isTrue();
        assertThat(guard.tryOpen(FLOODER)).as("third from one source").isFalse();
        assertThat(guard.tryOpen(PHONE)).as("banned").isFalse();
        assertThat(guard.tryOpen(BENCH)).isTrue();
        assertThat(guard.tryOpen(BENCH)).as("over the total, even trusted").isFalse();

        guard.closed(FLOODER);

        assertThat(guard.tryOpen(FLOODER)).isTrue();
        assertThat(guard.acceptedConnections()).isEqualTo(3);
        assertThat(guard.counters().refusedPerSource()).isEqualTo(1);
        assertThat(guard.counters().refusedTotal()).isEqualTo(1);
        assertThat(guard.counters().refusedBanned()).isEqualTo(1);
    }

    @Test
    void theTotalLeavesAReserveOfFileHandles() {
        InboundLimits capped = limits(0, 10, 10_000).withinFileHandles(4096, 1024);
        assertThat(capped.maxConnections()).isEqualTo(3072);
        assertThat(limits(0, 10, 100).withinFileHandles(1_048_576, 1024).maxConnections()).isEqualTo(100);
    }

    @Test
    void addressRangesMatchByPrefix() {
        assertThat(AddressRange.parse("127.0.0.0/8").contains(InetAddress.ofLiteral("127.9.8.7"))).isTrue();
        assertThat(AddressRange.parse("192.168.1.0/25").contains(InetAddress.ofLiteral("192.168.1.127"))).isTrue();
        assertThat(AddressRange.parse("192.168.1.0/25").contains(InetAddress.ofLiteral("192.168.1.128"))).isFalse();
        assertThat(AddressRange.parse("192.0.2.7").contains(InetAddress.ofLiteral("192.0.2.7"))).isTrue();
        assertThat(AddressRange.parse("192.0.2.7").contains(InetAddress.ofLiteral("192.0.2.8"))).isFalse();
        assertThat(AddressRange.parse("::1/128").contains(InetAddress.ofLiteral("127.0.0.1"))).isFalse();
        for (String bad : new String[] {"", "10.0.0.0/33", "example.com", "10.0.0.0/x", "1/2/3"}) {
            assertThatThrownBy(() -> AddressRange.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
