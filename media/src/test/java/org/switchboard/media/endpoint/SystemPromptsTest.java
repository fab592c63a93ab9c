package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dsp.Goertzel;

class SystemPromptsTest {
    @Test
    void everyShippedPromptLoadsAsAudibleSpeechOfAPlausibleLength() {
        assertThat(SystemPrompts.names()).contains("leave-message", "goodbye", "invalid-option", "you-have",
                "new-messages", "digit-0", "digit-9");
        for (String name : SystemPrompts.names()) {
            AudioClip clip = SystemPrompts.get(name);
            assertThat(clip.duration()).as(name).isBetween(Duration.ofMillis(150), Duration.ofSeconds(15));
            assertThat(rms(clip.samples())).as("%s is not silence", name).isGreaterThan(500);
        }
    }

    @Test
    void longerSentencesLastLonger() {
        assertThat(SystemPrompts.get("leave-message").duration())
                .isGreaterThan(SystemPrompts.get("goodbye").duration().multipliedBy(2));
    }

    @Test
    void numbersAreSpokenDigitByDigit() {
        AudioClip spoken = SystemPrompts.digits("10#");
        int expected = SystemPrompts.get("digit-1").length() + SystemPrompts.get("digit-0").length()
                + SystemPrompts.get("pound").length();
        assertThat(spoken.length()).isEqualTo(expected);
    }

    @Test
    void theBeepIsAOneKilohertzTone() {
        short[] beep = SystemPrompts.beep().samples();
        assertThat(new Goertzel(1000, 8000).relativePower(beep, 0, 400)).isGreaterThan(0.99);
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> SystemPrompts.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no system prompt");
        assertThat(SystemPrompts.text("goodbye")).isEqualTo("Goodbye.");
    }

    private static double rms(short[] pcm) {
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / pcm.length);
    }
}
