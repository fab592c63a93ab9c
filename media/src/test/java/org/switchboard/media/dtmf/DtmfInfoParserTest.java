package org.switchboard.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DtmfInfoParserTest {
    @Test
    void dtmfRelayGivesSignalAndDuration() {
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
                .contains(new DtmfInfo('5', Optional.of(Duration.ofMillis(160))));
    }

    @Test
    void dtmfRelayAcceptsSpacesAnyOrderCaseAndParameters() {
        assertThat(DtmfInfoParser.parse("Application/DTMF-Relay; charset=utf-8", "duration = 250\nsignal = #\n"))
                .contains(new DtmfInfo('#', Optional.of(Duration.ofMillis(250))));
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=*")).map(DtmfInfo::digit).contains('*');
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=a")).map(DtmfInfo::digit).contains('A');
    }

    @Test
    void theEventCodesOfStarAndHashAreUnderstood() {
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=10")).map(DtmfInfo::digit).contains('*');
        assertThat(DtmfInfoParser.parse("application/dtmf", "11")).map(DtmfInfo::digit).contains('#');
    }

    @Test
    void applicationDtmfIsTheDigitAlone() {
        assertThat(DtmfInfoParser.parse("application/dtmf", "7\r\n"))
                .contains(new DtmfInfo('7', Optional.empty()));
    }

    @Test
    void anythingElseIsEmpty() {
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Duration=160")).isEmpty();
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=X\nDuration=160")).isEmpty();
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=55")).isEmpty();
        assertThat(DtmfInfoParser.parse("application/dtmf", "")).isEmpty();
        assertThat(DtmfInfoParser.parse("application/sdp", "Signal=5")).isEmpty();
        assertThat(DtmfInfoParser.parse(null, "Signal=5")).isEmpty();
        assertThat(DtmfInfoParser.parse("application/dtmf-relay", "Signal=5\nDuration=-3"))
                .contains(new DtmfInfo('5', Optional.empty()));
    }

    @Property
    void noBodyMakesItThrow(@ForAll String contentType, @ForAll String body) {
        DtmfInfoParser.parse(contentType, body);
        DtmfInfoParser.parse("application/dtmf-relay", body);
        DtmfInfoParser.parse("application/dtmf", body);
    }
}
