package org.switchboard.server.it;

/**
 * Finds a known recording (a system prompt) in what a phone decoded, piece by piece: for each 0.2 s piece of the
 * prompt that is not silence, the best normalized cross-correlation with the decoded audio at any offset up to a
 * limit. A piece played through G.711 matches itself at about 0.99, a tone or silence near 0; cutting the prompt
 * into pieces lets a phone's jitter buffer drop or stretch a frame without hiding the rest. Stateless.
 */
final class PromptSearch {
    private static final int PIECE_SAMPLES = 1600;
    // pieces quieter than this are the prompt's pauses, which match anything quiet
    private static final double MIN_PIECE_RMS = 300;

    private PromptSearch() {}

    /**
     * The share (0 to 1) of the prompt's voiced pieces found in {@code heard} with a likeness above {@code
     * likeness}, each looked for from the start of {@code heard} up to {@code searchSamples} past its place in the
     * prompt.
     */
    static double shareFound(short[] prompt, short[] heard, int searchSamples, double likeness) {
        int voiced = 0;
        int found = 0;
        for (int from = 0; from + PIECE_SAMPLES <= prompt.length; from += PIECE_SAMPLES) {
            double energy = energy(prompt, from, PIECE_SAMPLES);
            if (Math.sqrt(energy / PIECE_SAMPLES) < MIN_PIECE_RMS) {
                continue;
            }
            voiced++;
            if (bestLikeness(prompt, from, energy, heard, from + searchSamples) > likeness) {
                found++;
            }
        }
        return voiced == 0 ? 0 : (double) found / voiced;
    }

    private static double bestLikeness(short[] prompt, int from, double pieceEnergy, short[] heard, int lastOffset) {
        double best = 0;
        for (int offset = 0; offset <= lastOffset && offset + PIECE_SAMPLES <= heard.length; offset++) {
            double dot = 0;
            for (int i = 0; i < PIECE_SAMPLES; i++) {
                dot += (double) prompt[from + i] * heard[offset + i];
            }
            double heardEnergy = energy(heard, offset, PIECE_SAMPLES);
            if (heardEnergy > 0) {
                best = Math.max(best, dot / Math.sqrt(pieceEnergy * heardEnergy));
            }
        }
        return best;
    }

    private static double energy(short[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return sum;
    }
}
