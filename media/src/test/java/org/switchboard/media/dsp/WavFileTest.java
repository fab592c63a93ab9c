package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;

class WavFileTest {
    private final PcmAudio tone = new PcmAudio(8000, 1, new ToneGenerator(1000, 0.5, 8000).next(800));

    @Test
    void writtenFileReadsBackEqual() {
        assertThat(WavFile.read(WavFile.write(tone))).isEqualTo(tone);
    }

    @Test
    void writtenHeaderIsCanonicalRiffPcm() {
        ByteBuffer b = ByteBuffer.wrap(WavFile.write(tone)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(4)).isEqualTo(36 + 1600);
        assertThat(b.getShort(20)).isEqualTo((short) 1);
        assertThat(b.getInt(24)).isEqualTo(8000);
        assertThat(b.getShort(34)).isEqualTo((short) 16);
        assertThat(b.getInt(40)).isEqualTo(1600);
    }

    @Test
    void skipsUnknownChunksBeforeData() {
        byte[] plain = WavFile.write(tone);
        byte[] list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0}; // odd size, padded
        byte[] withList = new byte[plain.length + list.length];
        System.arraycopy(plain, 0, withList, 0, 36);
        System.arraycopy(list, 0, withList, 36, list.length);
        System.arraycopy(plain, 36, withList, 36 + list.length, plain.length - 36);
        assertThat(WavFile.read(withList)).isEqualTo(tone);
    }

    @Test
    void rejectsANonRiffFileWithATypedError() {
        assertThatThrownBy(() -> WavFile.read("hello".getBytes()))
                .isInstanceOf(WavFormatException.class)
                .hasMessageContaining("RIFF");
    }

    @Test
    void rejectsEightBitSamples() {
        byte[] file = WavFile.write(tone);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
        assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(WavFormatException.class).hasMessageContaining("8 bits");
    }

    @Test
    void readsG711WavFilesAsPcm() {
        short[] pcm = new ToneGenerator(1000, 0.5, 8000).next(400);
        for (int format : new int[] {6, 7}) {
            byte[] codes = new byte[pcm.length];
            if (format == 6) {
                ALaw.encode(pcm, 0, codes, 0, pcm.length);
            } else {
                MuLaw.encode(pcm, 0, codes, 0, pcm.length);
            }
            ByteBuffer b = ByteBuffer.allocate(44 + codes.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes()).putInt(36 + codes.length).put("WAVEfmt ".getBytes()).putInt(16)
                    .putShort((short) format).putShort((short) 1).putInt(8000).putInt(8000)
                    .putShort((short) 1).putShort((short) 8).put("data".getBytes()).putInt(codes.length).put(codes);
            PcmAudio audio = WavFile.read(b.array());
            assertThat(audio.sampleRateHz()).isEqualTo(8000);
            assertThat(new Goertzel(1000, 8000).relativePower(audio.samples(), 0, 400)).as("format %d", format)
                    .isGreaterThan(0.99);
        }
    }

    @Test
    void rejectsSixteenBitG711() {
        byte[] file = WavFile.write(tone);
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 7);
        assertThatThrownBy(() -> WavFile.read(file)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("8 for G.711");
    }

    @Test
    void everyTruncationGivesAudioOrATypedError() {
        byte[] file = WavFile.write(tone);
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            try {
                WavFile.read(cut);
            } catch (WavFormatException expected) {
                // a typed error is an acceptable outcome for a truncated file
            }
        }
    }
}
