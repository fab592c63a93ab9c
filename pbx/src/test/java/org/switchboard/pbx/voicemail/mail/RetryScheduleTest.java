package org.switchboard.pbx.voicemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void waitsDoubleFromTheFirstUpToTheMaximumAndStayThere() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;

        assertThat(schedule.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.after(10_000)).as("a mail server down for days: still tried hourly")
                .isEqualTo(Duration.ofHours(1));
    }
}
