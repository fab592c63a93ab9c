package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SipDateTest {
    @Test
    void dateHeaderHasTwoDigitDayAndGmtAsRfc3261Requires() {
        assertThat(SipDate.format(Instant.parse("2026-06-03T08:05:09.900Z"))).isEqualTo("Wed, 03 Jun 2026 08:05:09 GMT");
    }

    @Test
    void theTextOfTheCurrentSecondIsReusedAndANewSecondGetsItsOwn() {
        assertThat(SipDate.format(Instant.parse("2026-06-03T08:05:09.100Z"))).isEqualTo("Wed, 03 Jun 2026 08:05:09 GMT");
        assertThat(SipDate.format(Instant.parse("2026-06-03T08:05:09.800Z"))).isEqualTo("Wed, 03 Jun 2026 08:05:09 GMT");
        assertThat(SipDate.format(Instant.parse("2026-06-03T08:05:10.000Z"))).isEqualTo("Wed, 03 Jun 2026 08:05:10 GMT");
        assertThat(SipDate.format(Instant.parse("2026-06-03T08:05:09.000Z"))).isEqualTo("Wed, 03 Jun 2026 08:05:09 GMT");
    }
}
