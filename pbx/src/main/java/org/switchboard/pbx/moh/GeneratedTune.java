package org.switchboard.pbx.moh;

import org.switchboard.media.endpoint.AudioClip;

/**
 * The music the {@code default} class ships with: a slow music-box tune made here, in code, note by note
 * (an original C-major arpeggio pattern over a I-vi-IV-V progression, written for Switchboard), so the
 * project ships no recording and no copyrighted audio. Each note is a sine with its octave, a short attack
 * and an exponential decay, over a soft bass root; about 19 s, then it loops. Stateless.
 */
final class GeneratedTune {
    private static final int RATE = AudioClip.SAMPLE_RATE;
    private static final double BEAT_SECONDS = 0.6;
    // the chords' roots (bass, one per bar) and the four notes played over each, as MIDI note numbers
    private static final int[][] BARS = {
        {48, 60, 64, 67, 72}, {45, 57, 60, 64, 69}, {41, 57, 60, 65, 69}, {43, 55, 59, 62, 67},
        {48, 64, 67, 72, 76}, {45, 60, 64, 69, 72}, {41, 60, 65, 69, 72}, {43, 59, 62, 67, 71},
    };

    private GeneratedTune() {}

    /** The tune at 8 kHz, peaking near a third of full scale (music on hold should not blare). */
    static AudioClip clip() {
        int beat = (int) (BEAT_SECONDS * RATE);
        double[] mix = new double[BARS.length * 4 * beat];
        for (int bar = 0; bar < BARS.length; bar++) {
            int barStart = bar * 4 * beat;
            addNote(mix, barStart, 4 * beat, BARS[bar][0], 0.25, 1.2);
            for (int n = 0; n < 4; n++) {
                addNote(mix, barStart + n * beat, 2 * beat, BARS[bar][1 + n], 0.35, 3.0);
            }
        }
        double peak = 0;
        for (double s : mix) {
            peak = Math.max(peak, Math.abs(s));
        }
        short[] pcm = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            pcm[i] = (short) Math.round(mix[i] / peak * 0.33 * Short.MAX_VALUE);
        }
        return AudioClip.of(pcm);
    }

    private static void addNote(double[] mix, int start, int length, int midi, double level, double decayPerSecond) {
        double hz = 440 * Math.pow(2, (midi - 69) / 12.0);
        int attack = RATE / 100; // 10 ms: no click at the onset
        for (int i = 0; i < length && start + i < mix.length; i++) {
            double t = (double) i / RATE;
            double envelope = Math.min(1, (double) i / attack) * Math.exp(-decayPerSecond * t);
            double tail = Math.min(1, (double) (length - i) / attack); // and none at the end
            double wave = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t);
            mix[start + i] += level * envelope * tail * wave;
        }
    }
}
