package org.switchboard.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MuLawTest {
    @Test
    void knownCodeWordsDecodeToG711Values() {
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0xEF)).isEqualTo((short) 132);
        assertThat(MuLaw.decode((byte) 0x6F)).isEqualTo((short) -132);
    }

    @Test
    void knownSamplesEncodeToG711CodeWords() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.encode(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(MuLaw.encode(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(MuLaw.encode((short) 1000)).isEqualTo((byte) 0xCE);
        assertThat(MuLaw.encode((short) -1000)).isEqualTo((byte) 0x4E);
    }

    @Test
    void everyCodeWordSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte expected = code == 0x7F ? (byte) 0xFF : (byte) code; // 0x7F is negative zero, encoded as +0
            assertThat(MuLaw.encode(MuLaw.decode((byte) code))).as("code 0x%02X", code).isEqualTo(expected);
        }
    }

    @Test
    void encodingIsMonotonicInTheSample() {
        short previous = Short.MIN_VALUE;
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            short decoded = MuLaw.decode(MuLaw.encode((short) s));
            assertThat(decoded).as("sample %d", s).isGreaterThanOrEqualTo(previous);
            previous = decoded;
        }
    }

    @Test
    void roundTripErrorStaysWithinHalfAQuantisationStep() {
        for (int s = -32000; s <= 32000; s += 7) {
            int error = Math.abs(MuLaw.decode(MuLaw.encode((short) s)) - s);
            // the step at magnitude m is at most about m/16 (4 mantissa bits) plus the 14-bit truncation
            assertThat(error).as("sample %d", s).isLessThanOrEqualTo(Math.abs(s) / 16 + 8);
        }
    }

    @Test
    void bulkEncodeAndDecodeMatchPerSample() {
        short[] pcm = {0, 1000, -1000, 32767, -32768};
        byte[] codes = new byte[pcm.length];
        MuLaw.encode(pcm, 0, codes, 0, pcm.length);
        short[] back = new short[pcm.length];
        MuLaw.decode(codes, 0, back, 0, pcm.length);
        for (int i = 0; i < pcm.length; i++) {
            assertThat(codes[i]).isEqualTo(MuLaw.encode(pcm[i]));
            assertThat(back[i]).isEqualTo(MuLaw.decode(codes[i]));
        }
    }
}
