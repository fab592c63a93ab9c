package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeZoneFormatsTest {

    private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Europe/Berlin       | CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00
        Europe/London       | GMT0BST-1,M3.5.0/01:00:00,M10.5.0/02:00:00
        America/New_York    | EST5EDT4,M3.2.0/02:00:00,M11.1.0/02:00:00
        Australia/Sydney    | AEST-10AEDT-11,M10.1.0/02:00:00,M4.1.0/03:00:00
        Asia/Kolkata        | IST-5:30
        UTC                 | UTC0
        America/Sao_Paulo   | <-0300>3
        """)
    void posixStringCarriesOffsetAndDaylightRules(String zone, String posix) {
        assertThat(TimeZoneFormats.posix(ZoneId.of(zone), NOW)).contains(posix);
    }

    @Test
    void rulesWithoutAWeekdayOrdinalHaveNoPosixForm() {
        // Israel: "Friday on or after 23 March" is not "the n-th Friday".
        assertThat(TimeZoneFormats.posix(ZoneId.of("Asia/Jerusalem"), NOW)).isEmpty();
    }

    @Test
    void standardOffsetIsTheWinterOffsetEvenInSummer() {
        assertThat(TimeZoneFormats.standardOffset(ZoneId.of("Europe/Berlin"), NOW)).isEqualTo(ZoneOffset.ofHours(1));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
        3600,   +1,    GMT+01:00
        0,      0,     GMT+00:00
        -18000, -5,    GMT-05:00
        19800,  +5:30, GMT+05:30
        -12600, -3:30, GMT-03:30
        20700,  +5:45, GMT+05:45
        """)
    void offsetsAreSpelledForYealinkAndCisco(int seconds, String hours, String gmt) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(seconds);
        assertThat(TimeZoneFormats.hours(offset)).isEqualTo(hours);
        assertThat(TimeZoneFormats.gmt(offset)).isEqualTo(gmt);
    }

    @Test
    void daylightSavingIsObservedWhereRulesExist() {
        assertThat(TimeZoneFormats.observesDaylightSaving(ZoneId.of("Europe/Berlin"))).isTrue();
        assertThat(TimeZoneFormats.observesDaylightSaving(ZoneId.of("Asia/Tokyo"))).isFalse();
    }
}
