package org.switchboard.media.endpoint;

import java.util.Arrays;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dtmf.Dtmf;

/**
 * Finds DTMF key presses in the audio itself, for phones that send tones instead of RFC 4733 events. Samples are
 * cut into blocks of 205 (25.6 ms at 8 kHz, the classic choice: every DTMF frequency lies close to a bin); each
 * block's share of energy at the eight DTMF frequencies is measured with Goertzel filters (the algorithm of
 * {@link Goertzel}, run as eight filters in one pass over the block). A block holds
 * a digit when its strongest row and strongest column tone together carry most of its energy, each carries a
 * fair share (twist within about 8 dB), and it is not too quiet. A press is reported once, when two blocks in a
 * row (about 50 ms, the ITU-T Q.24 minimum is 40 ms) hold the same digit; it must end (a block without it) before
 * the same digit counts again.
 *
 * <p>Owned by the endpoint's event loop; allocates nothing per sample or block.
 */
final class InbandDtmfDetector {
    static final int BLOCK = 205;
    /** The two tones' share of the block energy a digit needs: speech and music spread theirs wider. */
    private static final double MIN_PAIR_SHARE = 0.7;
    /** Each tone's least share: about 8 dB of twist between them at most. */
    private static final double MIN_TONE_SHARE = 0.12;
    /** Quietest block RMS taken for a tone: about -40 dBFS. */
    private static final double MIN_RMS = 330;

    /** Goertzel coefficients 2·cos(2πf/8000) of the four rows, then the four columns. */
    private final double[] coefficients = coefficients();
    private final double[] power = new double[8];
    private final double[] s1 = new double[8];
    private final double[] s2 = new double[8];
    private final short[] block = new short[BLOCK];
    private int filled;
    private char candidate;
    private char reported;

    /**
     * Feeds {@code pcm[0, length)}; returns a digit when a press was recognised in these samples, else 0 (a press
     * that completes twice within one call is reported once, which 20 ms frames never cause).
     */
    char process(short[] pcm, int length) {
        char found = 0;
        for (int i = 0; i < length; i++) {
            block[filled++] = pcm[i];
            if (filled == BLOCK) {
                filled = 0;
                char digit = analyse();
                char press = debounce(digit);
                if (press != 0) {
                    found = press;
                }
            }
        }
        return found;
    }

    private char debounce(char digit) {
        char press = 0;
        if (digit == 0) {
            reported = 0;
        } else if (digit == candidate && digit != reported) {
            reported = digit;
            press = digit;
        } else if (digit != candidate && digit != reported) {
            // a different tone: the last press is over
            reported = 0;
        }
        candidate = digit;
        return press;
    }

    private char analyse() {
        double energy = 0;
        for (short x : block) {
            energy += (double) x * x;
        }
        if (energy < MIN_RMS * MIN_RMS * BLOCK) {
            return 0;
        }
        measure();
        int row = strongest(0);
        int column = strongest(4);
        // Parseval: a pure tone of N samples puts N/2 × its energy into its bin's squared magnitude
        double scale = energy * BLOCK / 2.0;
        double rowShare = power[row] / scale;
        double columnShare = power[4 + column] / scale;
        if (rowShare < MIN_TONE_SHARE || columnShare < MIN_TONE_SHARE || rowShare + columnShare < MIN_PAIR_SHARE) {
            return 0;
        }
        return Dtmf.atKeypad(row, column);
    }

    /** The eight Goertzel filters (as in {@link Goertzel#power}) in one pass over the block. */
    private void measure() {
        Arrays.fill(s1, 0);
        Arrays.fill(s2, 0);
        for (short x : block) {
            for (int f = 0; f < 8; f++) {
                double s0 = x + coefficients[f] * s1[f] - s2[f];
                s2[f] = s1[f];
                s1[f] = s0;
            }
        }
        for (int f = 0; f < 8; f++) {
            power[f] = s1[f] * s1[f] + s2[f] * s2[f] - coefficients[f] * s1[f] * s2[f];
        }
    }

    /** The index (0-3) of the strongest of the four powers from {@code from}. */
    private int strongest(int from) {
        int best = 0;
        for (int i = 1; i < 4; i++) {
            if (power[from + i] > power[from + best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] coefficients() {
        double[] k = new double[8];
        for (int i = 0; i < 4; i++) {
            k[i] = 2 * Math.cos(2 * Math.PI * Dtmf.ROWS[i] / AudioClip.SAMPLE_RATE);
            k[4 + i] = 2 * Math.cos(2 * Math.PI * Dtmf.COLUMNS[i] / AudioClip.SAMPLE_RATE);
        }
        return k;
    }
}
