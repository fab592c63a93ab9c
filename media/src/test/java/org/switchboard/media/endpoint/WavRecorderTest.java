package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;

class WavRecorderTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackAsAn8kHzMonoWav() throws Exception {
        Path file = dir.resolve("rec.wav");
        WavRecorder recorder = new WavRecorder(file);
        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        short[] all = new short[0];
        for (int f = 0; f < 250; f++) {
            short[] frame = tone.next(160);
            recorder.write(frame, 160);
            all = concat(all, frame);
            if (f % 50 == 0) {
                Thread.sleep(30); // let the writer thread drain part of it meanwhile
            }
        }
        recorder.finish().join();
        assertThat(WavFile.read(Files.readAllBytes(file))).isEqualTo(new PcmAudio(8000, 1, all));
        assertThat(recorder.droppedSamples()).isZero();
        assertThat(dir.resolve("rec.wav.part")).doesNotExist();
    }

    @Test
    void theFileAppearsOnlyWhenFinished() throws Exception {
        Path file = dir.resolve("later.wav");
        WavRecorder recorder = new WavRecorder(file);
        recorder.write(new short[160], 160);
        Thread.sleep(150);
        assertThat(file).doesNotExist();
        recorder.finish().join();
        assertThat(file).exists();
    }

    @Test
    void audioBeyondTheBufferIsDroppedAndCountedNotBlocking() {
        Path file = dir.resolve("burst.wav");
        WavRecorder recorder = new WavRecorder(file);
        short[] second = new short[8000];
        for (int i = 0; i < 20; i++) {
            recorder.write(second, second.length);
        }
        recorder.finish().join();
        // the writer may drain during the burst, so some seconds fit; never more than were written
        long kept = 20L * 8000 - recorder.droppedSamples();
        assertThat(kept).isBetween((long) WavRecorder.BUFFER, 20L * 8000);
        assertThat(file).exists();
    }

    @Test
    void aRecorderThatCannotWriteFailsItsFinish() {
        WavRecorder recorder = new WavRecorder(dir.resolve("missing-dir").resolve("x.wav"));
        recorder.write(new short[160], 160);
        assertThat(recorder.finish()).failsWithin(java.time.Duration.ofSeconds(5));
    }

    private static short[] concat(short[] a, short[] b) {
        short[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
