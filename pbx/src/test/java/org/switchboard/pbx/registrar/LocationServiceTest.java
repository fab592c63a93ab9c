package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.event.PbxEvent.RegistrationChanged;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class LocationServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final EventBus events = new EventBus();
    private final LocationService location = new LocationService(() -> now.get(), events);

    static Binding binding(String ext, String user, Instant updated, Instant expires) {
        return new Binding(ext, SipUri.of(user, "h"), "sip:" + user + "@h", Optional.empty(),
                new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress("127.0.0.1", 40000)),
                "call", 1, "ua", expires, T0, updated);
    }

    @AfterEach
    void closeBus() {
        events.close();
    }

    @Test
    void everyChangeIsPublishedWithTheExtensionsLiveBindingCount() throws InterruptedException {
        BlockingQueue<PbxEvent> seen = new LinkedBlockingQueue<>();
        events.subscribe("test", EventBus.Delivery.LOSSLESS, 16, seen::add);

        location.apply("1001", List.of(binding("1001", "a", T0, T0.plusSeconds(60)),
                binding("1001", "b", T0, T0.plusSeconds(120))), List.of());
        location.apply("1001", List.of(), List.of("sip:b@h"));
        now.set(T0.plusSeconds(60));
        location.removeExpired(now.get());

        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(new RegistrationChanged(T0, "1001", 2));
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(new RegistrationChanged(T0, "1001", 1));
        assertThat(seen.poll(10, TimeUnit.SECONDS)).as("the sweep removed the last one")
                .isEqualTo(new RegistrationChanged(T0.plusSeconds(60), "1001", 0));
    }

    @Test
    void lookupShowsOnlyLiveBindings() {
        location.apply("1001", List.of(binding("1001", "a", T0, T0.plusSeconds(60)),
                binding("1001", "b", T0, T0.plusSeconds(120))), List.of());

        now.set(T0.plusSeconds(60));

        assertThat(location.lookup("1001")).extracting(Binding::contactKey).containsExactly("sip:b@h");
        assertThat(location.removeExpired(now.get())).isEqualTo(1);
        assertThat(location.current("1001")).hasSize(1);
    }

    @Test
    void applyReplacesTheSameContactAndRemovesNamedOnes() {
        location.apply("1001", List.of(binding("1001", "a", T0, T0.plusSeconds(60)),
                binding("1001", "b", T0, T0.plusSeconds(60))), List.of());

        location.apply("1001", List.of(binding("1001", "a", T0.plusSeconds(5), T0.plusSeconds(600))), List.of("sip:b@h"));

        assertThat(location.lookup("1001")).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(T0.plusSeconds(600)));
        assertThat(location.lookup("1002")).isEmpty();
    }

    @Test
    void mergeAddsUnknownRowsAndKeepsNewerCopiesInMemory() {
        location.apply("1001", List.of(binding("1001", "a", T0.plusSeconds(10), T0.plusSeconds(600))), List.of());

        location.merge(List.of(binding("1001", "a", T0, T0.plusSeconds(60)),
                binding("1002", "z", T0, T0.plusSeconds(60))));

        assertThat(location.lookup("1001")).singleElement()
                .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(T0.plusSeconds(600)));
        assertThat(location.all()).extracting(Binding::contactKey).containsExactly("sip:a@h", "sip:z@h");
    }
}
