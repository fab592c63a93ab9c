package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link OriginateLeg} and how a failed ring is passed on ({@link Originate.Failure#passedOn}). */
class OriginateLegTest {

    @Test
    void aRingTimeMustBePositive() {
        OriginateLeg.Target target = new OriginateLeg.Target.Extension("1001");
        assertThatThrownBy(() -> new OriginateLeg(target, "1002", "", "1002", Duration.ZERO, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ring timeout");
        assertThat(new OriginateLeg(target, "1002", "", "1002", Duration.ofSeconds(20), true).autoAnswer()).isTrue();
    }

    @Test
    void aRingOutIsNoAnswer() {
        assertThat(new Originate.Failure(480, "No Answer", true).passedOn())
                .isEqualTo(new Originate.Failure(480, "No Answer", true));
    }

    @Test
    void redirectionAndChallengesAreTheTemporarilyUnavailable480() {
        for (int status : new int[] {302, 401, 407}) {
            assertThat(new Originate.Failure(status, "x", false).passedOn())
                    .isEqualTo(new Originate.Failure(480, "Temporarily Unavailable", false));
        }
    }

    @Test
    void otherFailuresArePassedOnAsThePhoneAnswered() {
        Originate.Failure busy = new Originate.Failure(486, "Busy Here", false);
        assertThat(busy.passedOn()).isEqualTo(busy);
        assertThat(new Originate.Failure(603, "Decline", false).passedOn().status()).isEqualTo(603);
    }
}
