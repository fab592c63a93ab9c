package org.switchboard.pbx.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.trunk.TrunkState.Health;
import org.switchboard.pbx.trunk.TrunkState.Registration;

class TrunkTimingsTest {

    @Test
    void retriesWaitTenSecondsThenDoubleUpToFiveMinutes() {
        TrunkTimings t = TrunkTimings.DEFAULTS;
        assertThat(t.retryAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.retryAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(t.retryAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(t.retryAfter(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.retryAfter(500)).as("no overflow after many failures").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRefusedRegistrationIsTheErrorShownBeforeAMissedProbeAndARefreshClearsOnlyItsOwn() {
        TrunkState down = TrunkState.STARTING.withStatus(Health.DOWN, Optional.of("no answer to 3 OPTIONS in a row"));
        TrunkState refused = down.withRegistration(Registration.FAILED, Optional.of("403 Forbidden"), Optional.empty());
        assertThat(refused.lastError()).contains("403 Forbidden");

        TrunkState registered = refused.withRegistration(Registration.REGISTERED, Optional.empty(),
                Optional.of(Instant.EPOCH));
        assertThat(registered.lastError()).as("still down: the probe's reason stays").contains("no answer to 3 OPTIONS in a row");
        assertThat(registered.withStatus(Health.UP, Optional.empty()).lastError()).isEmpty();
    }
}
