package org.switchboard.pbx.call.quality;

/**
 * An estimate of the listening quality of a G.711 stream on the 1 to 5 MOS scale, from packet loss and jitter,
 * by the simplified ITU-T G.107 E-model that monitoring tools use where no delay is measured: the effective
 * latency is the one-way delay plus twice the jitter plus 10 ms for the codec, the R factor starts at 93.2 and
 * loses the delay impairment and 2.5 per percent of loss, and R maps to MOS by G.107 Annex B. An estimate, not a
 * measurement of what a listener hears: it knows nothing of echo, noise or the codec's concealment.
 */
public final class MeanOpinionScore {
    private static final double BASE_R = 93.2;
    private static final double CODEC_DELAY_MS = 10;
    private static final double LOSS_PENALTY_PER_PERCENT = 2.5;

    private MeanOpinionScore() {}

    /** The MOS for {@code lossRatio} (0 to 1) of the packets lost, {@code jitterMs} and {@code oneWayDelayMs}. */
    public static double estimate(double lossRatio, double jitterMs, double oneWayDelayMs) {
        double latency = oneWayDelayMs + 2 * jitterMs + CODEC_DELAY_MS;
        double delayImpairment = latency < 160 ? latency / 40 : (latency - 120) / 10;
        double r = BASE_R - delayImpairment - LOSS_PENALTY_PER_PERCENT * 100 * lossRatio;
        if (r <= 0) {
            return 1.0;
        }
        if (r >= 100) {
            return 4.5;
        }
        double mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
        return Math.round(Math.clamp(mos, 1.0, 4.5) * 100) / 100.0;
    }
}
