package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.MuLaw;

class InbandDtmfDetectorTest {
    private final InbandDtmfDetector detector = new InbandDtmfDetector();

    /** Feeds {@code clip} in 20 ms frames, through G.711 µ-law as a phone would send it; returns the presses. */
    private String feed(AudioClip clip) {
        short[] pcm = clip.samples();
        StringBuilder presses = new StringBuilder();
        short[] frame = new short[160];
        for (int at = 0; at + 160 <= pcm.length; at += 160) {
            for (int i = 0; i < 160; i++) {
                frame[i] = MuLaw.decode(MuLaw.encode(pcm[at + i]));
            }
            char d = detector.process(frame, 160);
            if (d != 0) {
                presses.append(d);
            }
        }
        return presses.toString();
    }

    private static AudioClip press(char digit) {
        return AudioClip.concat(List.of(AudioClip.dtmf(digit, Duration.ofMillis(80)),
                AudioClip.silence(Duration.ofMillis(60))));
    }

    @Test
    void everyDigitIsDetectedOncePerPress() {
        String digits = "0123456789*#ABCD";
        StringBuilder heard = new StringBuilder();
        for (char d : digits.toCharArray()) {
            heard.append(feed(press(d)));
        }
        assertThat(heard).hasToString(digits);
    }

    @Test
    void aLongPressIsOnePress() {
        assertThat(feed(AudioClip.dtmf('5', Duration.ofSeconds(1)))).isEqualTo("5");
    }

    @Test
    void twoPressesOfTheSameDigitWithAPauseAreTwo() {
        assertThat(feed(AudioClip.concat(List.of(press('3'), press('3'))))).isEqualTo("33");
    }

    @Test
    void aPressTooShortForTwoBlocksIsIgnored() {
        assertThat(feed(AudioClip.concat(List.of(AudioClip.dtmf('9', Duration.ofMillis(30)),
                AudioClip.silence(Duration.ofMillis(100)))))).isEmpty();
    }

    @Test
    void singleTonesNoiseAndSilenceAreNoDigits() {
        assertThat(feed(AudioClip.tone(1000, 0.3, Duration.ofSeconds(1)))).isEmpty();
        assertThat(feed(AudioClip.tone(697, 0.3, Duration.ofSeconds(1)))).as("a row tone alone").isEmpty();
        assertThat(feed(AudioClip.silence(Duration.ofSeconds(1)))).isEmpty();
        Random random = new Random(3);
        short[] noise = new short[8000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (short) (random.nextGaussian() * 3000);
        }
        assertThat(feed(AudioClip.of(noise))).isEmpty();
    }

    @Test
    void aQuietPressBelowTheLevelIsIgnored() {
        short[] loud = AudioClip.dtmf('1', Duration.ofMillis(200)).samples();
        short[] quiet = new short[loud.length];
        for (int i = 0; i < loud.length; i++) {
            quiet[i] = (short) (loud[i] / 100);
        }
        assertThat(feed(AudioClip.of(quiet))).isEmpty();
    }
}
