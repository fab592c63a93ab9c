package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.store.cdr.Disposition;

class OutcomesTest {
    @Test
    void busyStatusesAreBusyAndRingOutsAreNoAnswer() {
        assertThat(Outcomes.of(486)).isEqualTo(Disposition.BUSY);
        assertThat(Outcomes.of(600)).isEqualTo(Disposition.BUSY);
        assertThat(Outcomes.of(480)).isEqualTo(Disposition.NO_ANSWER);
        assertThat(Outcomes.of(408)).isEqualTo(Disposition.NO_ANSWER);
        assertThat(Outcomes.of(404)).isEqualTo(Disposition.FAILED);
        assertThat(Outcomes.of(503)).isEqualTo(Disposition.FAILED);
    }

    @Test
    void aGlobalFailureBeatsBusyWhichBeatsOtherFailures() {
        assertThat(Outcomes.isBetter(603, 486)).isTrue();
        assertThat(Outcomes.isBetter(486, 603)).isFalse();
        assertThat(Outcomes.isBetter(486, 480)).isTrue();
        assertThat(Outcomes.isBetter(503, 486)).isFalse();
    }

    @Test
    void amongOtherFailuresTheLowerClassWinsAndTheFirstKeepsATie() {
        assertThat(Outcomes.isBetter(480, 503)).isTrue();
        assertThat(Outcomes.isBetter(503, 480)).isFalse();
        assertThat(Outcomes.isBetter(404, 480)).isFalse();
        assertThat(Outcomes.isBetter(404, 0)).as("the first failure").isTrue();
    }
}
