package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RegistrationFailuresTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));

    private static InetAddress address(int i) {
        return InetAddress.ofLiteral("198.51.100." + i);
    }

    @Test
    void failuresAreCountedPerSourceWithFirstAndLastTime() {
        RegistrationFailures failures = new RegistrationFailures(100, () -> now.get());
        Instant first = now.get();
        failures.record(address(1));
        now.set(first.plusSeconds(5));
        failures.record(address(1));
        failures.record(address(2));

        assertThat(failures.of(address(1))).get().satisfies(f -> {
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.firstAt()).isEqualTo(first);
            assertThat(f.lastAt()).isEqualTo(first.plusSeconds(5));
        });
        assertThat(failures.worst(1)).extracting(RegistrationFailures.SourceFailures::source).containsExactly(address(1));
        assertThat(failures.of(address(3))).isEmpty();
    }

    @Test
    void aFullTableForgetsTheSourcesFailingLeastRecently() {
        RegistrationFailures failures = new RegistrationFailures(20, () -> now.get());
        for (int i = 1; i <= 20; i++) {
            now.set(now.get().plusSeconds(1));
            failures.record(address(i));
        }

        failures.record(address(99));

        assertThat(failures.of(address(1))).as("least recent, forgotten").isEmpty();
        assertThat(failures.of(address(2))).as("second least recent, forgotten with it").isEmpty();
        assertThat(failures.of(address(3))).isPresent();
        assertThat(failures.of(address(99))).isPresent();
        assertThat(failures.worst(100)).hasSize(19);
    }
}
