package org.switchboard.media.endpoint;

import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dtmf.Dtmf;

/**
 * Finds DTMF key presses in the audio itself, for phones that send tones instead of RFC 4733 events. Samples are
 * cut into blocks of 205 (25.6 ms at 8 kHz, the classic choice: every DTMF frequency lies close to a bin); each
 * block's share of energy at the eight DTMF frequencies is measured with {@link Goertzel} filters. A block holds
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

    private final Goertzel[] rows = filters(Dtmf.ROWS);
    private final Goertzel[] columns = filters(Dtmf.COLUMNS);
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
        for (short s : block) {
            energy += (double) s * s;
        }
        if (energy < MIN_RMS * MIN_RMS * BLOCK) {
            return 0;
        }
        int row = strongest(rows);
        int column = strongest(columns);
        double scale = energy * BLOCK / 2.0;
        double rowShare = rows[row].power(block, 0, BLOCK) / scale;
        double columnShare = columns[column].power(block, 0, BLOCK) / scale;
        if (rowShare < MIN_TONE_SHARE || columnShare < MIN_TONE_SHARE || rowShare + columnShare < MIN_PAIR_SHARE) {
            return 0;
        }
        return Dtmf.atKeypad(row, column);
    }

    private int strongest(Goertzel[] filters) {
        int best = 0;
        double bestPower = -1;
        for (int i = 0; i < filters.length; i++) {
            double p = filters[i].power(block, 0, BLOCK);
            if (p > bestPower) {
                bestPower = p;
                best = i;
            }
        }
        return best;
    }

    private static Goertzel[] filters(double[] frequencies) {
        Goertzel[] filters = new Goertzel[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            filters[i] = new Goertzel(frequencies[i], AudioClip.SAMPLE_RATE);
        }
        return filters;
    }
}
