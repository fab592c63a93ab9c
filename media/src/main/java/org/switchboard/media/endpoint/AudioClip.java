package org.switchboard.media.endpoint;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.media.dtmf.Dtmf;
import org.switchboard.media.sdp.Codec;

/**
 * A prompt, file or tone decoded once to 8 kHz 16-bit mono PCM, ready to play on any number of endpoints at once
 * (each playback reads it through its own {@link #source()} cursor).
 *
 * <p>Immutable: any thread may use it. Loading (WAV parsing, resampling) runs on the caller's thread; file I/O is
 * the caller's, on a virtual thread.
 */
public final class AudioClip {
    /** The endpoints' audio rate. */
    public static final int SAMPLE_RATE = 8000;
    /**
     * Half-band low-pass for 16 kHz → 8 kHz: a Hamming-windowed sinc cut at 3.7 kHz, 31 taps, so what lies above
     * the new Nyquist frequency (4 kHz) does not fold back into the speech band. Designed in {@link #halfBand()}.
     */
    private static final double[] HALF_BAND = halfBand();

    private final short[] samples;

    private AudioClip(short[] samples) {
        this.samples = samples;
    }

    /** A clip of {@code pcm} at 8 kHz (copied). */
    public static AudioClip of(short[] pcm) {
        return new AudioClip(pcm.clone());
    }

    /**
     * Reads a WAV file: 16-bit PCM or G.711 (formats 6 and 7), 8 or 16 kHz, mono (of more channels the first is
     * taken). 16 kHz is low-pass filtered and decimated to 8 kHz. Anything else is a {@link WavFormatException}
     * naming the problem.
     */
    public static AudioClip fromWav(byte[] file) {
        PcmAudio audio = WavFile.read(file);
        short[] mono = audio.firstChannel();
        return switch (audio.sampleRateHz()) {
            case SAMPLE_RATE -> new AudioClip(mono);
            case 2 * SAMPLE_RATE -> new AudioClip(decimate(mono));
            default -> throw new WavFormatException(
                    "unsupported sample rate " + audio.sampleRateHz() + " Hz, want 8000 or 16000");
        };
    }

    /** Decodes raw G.711 ({@code .ulaw}/{@code .alaw} files, no header) of {@code codec} PCMU or PCMA. */
    public static AudioClip fromG711(byte[] codes, Codec codec) {
        short[] pcm = new short[codes.length];
        switch (G711.of(codec)) {
            case PCMU -> MuLaw.decode(codes, 0, pcm, 0, codes.length);
            case PCMA -> ALaw.decode(codes, 0, pcm, 0, codes.length);
        }
        return new AudioClip(pcm);
    }

    /** A sine tone of {@code frequencyHz} at {@code level} of full scale (the voicemail beep: 1000 Hz, 0.3). */
    public static AudioClip tone(double frequencyHz, double level, Duration duration) {
        return new AudioClip(new ToneGenerator(frequencyHz, level, SAMPLE_RATE).next(samplesOf(duration)));
    }

    /**
     * The dual tone of DTMF {@code digit} for {@code duration}, each tone at -10 dBFS (for peers that negotiated no
     * telephone-event).
     */
    public static AudioClip dtmf(char digit, Duration duration) {
        int n = samplesOf(duration);
        short[] low = new ToneGenerator(Dtmf.ROWS[Dtmf.rowOf(digit)], 0.3, SAMPLE_RATE).next(n);
        short[] high = new ToneGenerator(Dtmf.COLUMNS[Dtmf.columnOf(digit)], 0.3, SAMPLE_RATE).next(n);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            pcm[i] = (short) (low[i] + high[i]);
        }
        return new AudioClip(pcm);
    }

    /** Silence of {@code duration} (pauses between prompts). */
    public static AudioClip silence(Duration duration) {
        return new AudioClip(new short[samplesOf(duration)]);
    }

    /** The clips one after another, as one clip. */
    public static AudioClip concat(List<AudioClip> clips) {
        int total = 0;
        for (AudioClip c : clips) {
            total += c.samples.length;
        }
        short[] joined = new short[total];
        int at = 0;
        for (AudioClip c : clips) {
            System.arraycopy(c.samples, 0, joined, at, c.samples.length);
            at += c.samples.length;
        }
        return new AudioClip(joined);
    }

    /** A new cursor at the start of the clip: one per playback. The last frame is padded with silence. */
    public AudioSource source() {
        return new AudioSource() {
            private int position;

            @Override
            public boolean read(short[] frame, long tick) {
                if (position >= samples.length) {
                    return false;
                }
                int n = Math.min(MediaClock.SAMPLES_PER_FRAME, samples.length - position);
                System.arraycopy(samples, position, frame, 0, n);
                Arrays.fill(frame, n, MediaClock.SAMPLES_PER_FRAME, (short) 0);
                position += n;
                return true;
            }
        };
    }

    /** The number of samples. */
    public int length() {
        return samples.length;
    }

    /** A copy of the samples. */
    public short[] samples() {
        return samples.clone();
    }

    /** How long it plays. */
    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / SAMPLE_RATE);
    }

    /** The clip as a WAV file (8 kHz, 16-bit, mono). */
    public byte[] toWav() {
        return WavFile.write(new PcmAudio(SAMPLE_RATE, 1, samples));
    }

    /** The sample at {@code index}, for shared sources that read in place. */
    short sampleAt(int index) {
        return samples[index];
    }

    private static int samplesOf(Duration duration) {
        return Math.toIntExact(duration.toMillis() * SAMPLE_RATE / 1000);
    }

    private static short[] decimate(short[] pcm16k) {
        short[] out = new short[pcm16k.length / 2];
        int half = HALF_BAND.length / 2;
        for (int i = 0; i < out.length; i++) {
            int centre = 2 * i;
            double acc = 0;
            for (int k = 0; k < HALF_BAND.length; k++) {
                int j = centre + k - half;
                if (j >= 0 && j < pcm16k.length) {
                    acc += HALF_BAND[k] * pcm16k[j];
                }
            }
            out[i] = (short) Math.clamp(Math.round(acc), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return out;
    }

    private static double[] halfBand() {
        int taps = 31;
        double cutoff = 3700.0 / 16000; // as a fraction of the 16 kHz input rate
        double[] h = new double[taps];
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            int m = n - taps / 2;
            double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
            double window = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / (taps - 1));
            h[n] = sinc * window;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) {
            h[n] /= sum; // unity gain at 0 Hz
        }
        return h;
    }
}
