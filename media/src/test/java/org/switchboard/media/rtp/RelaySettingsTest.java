package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelaySettingsTest {
    @Test
    void givesFourEventLoopsPerCoreWithinBounds() {
        assertThat(RelaySettings.defaultIoThreads(1)).isEqualTo(4);
        assertThat(RelaySettings.defaultIoThreads(2)).isEqualTo(8);
        assertThat(RelaySettings.defaultIoThreads(8)).isEqualTo(32);
        assertThat(RelaySettings.defaultIoThreads(16)).isEqualTo(64);
        assertThat(RelaySettings.defaultIoThreads(256)).isEqualTo(64);
    }

    @Test
    void refusesANonPositiveCoreCount() {
        assertThatThrownBy(() -> RelaySettings.defaultIoThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cores must be at least 1: 0");
    }
}
