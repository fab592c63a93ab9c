package org.switchboard.media.endpoint;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An N-party G.711 conference mixer: every tick it takes one 20 ms frame of each party (decoded to linear PCM by
 * the party's endpoint), sums them, and gives each party the sum minus its own frame, saturated to 16 bits; each
 * endpoint encodes its share in its own codec (PCMU or PCMA). Everyone hears everyone but themselves.
 *
 * <p>The mixer lives on one {@code rtp-io-} event loop and its parties' endpoints on theirs: frames cross between
 * them through one {@link PcmRing} each way per party, so nothing is locked and nothing is allocated per frame. A
 * party that sent nothing this tick contributes silence.
 *
 * <p>A muted party still hears the mix but adds nothing to it. With a talker limit only the loudest unmuted parties
 * of each tick (by frame energy) are summed: the others hear that sum as it is, computed once, so a large room costs
 * one shared frame per listener instead of one subtraction each, and the background noise of many open microphones
 * stays out of the mix. A recording tap ({@link #record}) gets the same shared frame: everyone who talked.
 *
 * <p>Any thread may call the public methods; they post to the mixer's loop, which owns the party list.
 */
public final class Mixer {
    private static final int FRAME = MediaClock.SAMPLES_PER_FRAME;
    /** Each ring holds 8 frames (160 ms); a party's input that runs further ahead is dropped. */
    private static final int RING_FRAMES = 8;
    /** Input frames buffered before a party is mixed, so its packets' jitter does not chop its voice. */
    private static final int INPUT_PRIME_FRAMES = 2;

    private final String label;
    private final EventLoop loop;
    private final LoopTicker ticker;
    private final Tickable mixing = this::tick;
    private final List<Party> parties = new ArrayList<>();
    private final int[] sum = new int[FRAME];
    private final short[] out = new short[FRAME];
    private final short[] shared = new short[FRAME];
    private int maxTalkers = Integer.MAX_VALUE;
    private RecordingSink recording;
    private boolean closed;

    /**
     * A seat: the rings between one endpoint and the mixer (input written by the endpoint's loop, output by the
     * mixer's), and the mixer's copy of the party's frame at this tick (mixer's loop only).
     */
    static final class Party {
        private final Mixer mixer;
        private final MediaEndpoint endpoint;
        private final PcmRing input = new PcmRing(RING_FRAMES * FRAME);
        private final PcmRing output = new PcmRing(RING_FRAMES * FRAME);
        private final short[] frame = new short[FRAME];
        private boolean hasFrame;
        private boolean muted;
        private boolean talking;
        private boolean chosen;
        private long energy;

        Party(Mixer mixer, MediaEndpoint endpoint) {
            this.mixer = mixer;
            this.endpoint = endpoint;
        }

        Mixer mixer() {
            return mixer;
        }

        PcmRing input() {
            return input;
        }

        PcmRing output() {
            return output;
        }
    }

    Mixer(String label, EventLoop loop, LoopTicker ticker) {
        this.label = label;
        this.loop = loop;
        this.ticker = ticker;
        loop.execute(() -> ticker.add(mixing, true));
    }

    /** The label given at creation (the conference's name), for log lines. */
    public String label() {
        return label;
    }

    /**
     * Seats {@code endpoint}: from the next ticks it sends the mix and its received audio is mixed for the others.
     * An endpoint sits in one mixer at a time; joining another leaves this one. Joining twice is harmless.
     */
    public void join(MediaEndpoint endpoint) {
        loop.execute(() -> {
            if (closed || find(endpoint) != null) {
                return;
            }
            Party party = new Party(this, endpoint);
            parties.add(party);
            endpoint.loop().execute(() -> endpoint.enterMixer(party));
        });
    }

    /** Unseats {@code endpoint}; nothing happens when it is not seated. */
    public void leave(MediaEndpoint endpoint) {
        loop.execute(() -> {
            Party party = find(endpoint);
            if (party != null) {
                parties.remove(party);
                endpoint.loop().execute(() -> endpoint.exitMixer(party));
            }
        });
    }

    /** Mutes or unmutes {@code endpoint}'s seat: a muted party hears the mix and adds nothing to it. */
    public void mute(MediaEndpoint endpoint, boolean muted) {
        loop.execute(() -> {
            Party party = find(endpoint);
            if (party != null) {
                party.muted = muted;
            }
        });
    }

    /** Sums at most {@code talkers} parties per tick, the loudest ones (at least 1; unlimited by default). */
    public void limitTalkers(int talkers) {
        if (talkers < 1) {
            throw new IllegalArgumentException("talkers must be at least 1: " + talkers);
        }
        loop.execute(() -> maxTalkers = talkers);
    }

    /**
     * Records the room (everyone who talked, each tick's shared mix) into {@code sink} until {@link #stopRecording}
     * or {@link #close}; a recording already running is finished first. The sink is written on the mixer's loop.
     */
    public void record(RecordingSink sink) {
        loop.execute(() -> {
            finishRecording();
            if (closed) {
                sink.finish();
            } else {
                recording = sink;
            }
        });
    }

    /** Ends the room's recording; completes once its sink has stored everything (at once when none runs). */
    public CompletableFuture<Void> stopRecording() {
        return CompletableFuture.supplyAsync(this::finishRecording, loop).thenCompose(f -> f);
    }

    private CompletableFuture<Void> finishRecording() {
        RecordingSink sink = recording;
        recording = null;
        return sink == null ? CompletableFuture.completedFuture(null) : sink.finish();
    }

    /** How many parties are seated, counted on the mixer's loop. */
    public CompletableFuture<Integer> size() {
        return CompletableFuture.supplyAsync(parties::size, loop);
    }

    /** Unseats everyone and stops mixing. Completes once done. Idempotent. */
    public CompletableFuture<Void> close() {
        return CompletableFuture.runAsync(() -> {
            if (closed) {
                return;
            }
            closed = true;
            for (Party party : parties) {
                party.endpoint.loop().execute(() -> party.endpoint.exitMixer(party));
            }
            parties.clear();
            ticker.remove(mixing);
            finishRecording();
        }, loop);
    }

    /** The seat of {@code endpoint}, or null; on the mixer's loop (the benchmark feeds seats through it). */
    Party partyOf(MediaEndpoint endpoint) {
        return find(endpoint);
    }

    private Party find(MediaEndpoint endpoint) {
        for (Party p : parties) {
            if (p.endpoint == endpoint) {
                return p;
            }
        }
        return null;
    }

    /** One mixing round; on the mixer's loop, from its {@link LoopTicker} (package-private for the benchmark). */
    void tick(long tick, long skipped) {
        Arrays.fill(sum, 0);
        int candidates = 0;
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            p.hasFrame = p.input.readFrame(p.frame, FRAME, INPUT_PRIME_FRAMES);
            p.talking = p.hasFrame && !p.muted;
            if (p.talking) {
                candidates++;
                if (maxTalkers < parties.size()) {
                    p.energy = energy(p.frame);
                }
            }
        }
        if (candidates > maxTalkers) {
            keepLoudest(maxTalkers);
        }
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            if (p.talking) {
                for (int s = 0; s < FRAME; s++) {
                    sum[s] += p.frame[s];
                }
            }
        }
        mixMinus(sum, shared, false, shared);
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            if (p.talking) {
                mixMinus(sum, p.frame, true, out);
                p.output.write(out, FRAME);
            } else {
                p.output.write(shared, FRAME);
            }
        }
        if (recording != null) {
            recording.write(shared, FRAME);
        }
    }

    /** Keeps the {@code keep} loudest talkers in this tick's sum and takes the others out: O(keep × parties). */
    private void keepLoudest(int keep) {
        for (int n = 0; n < keep; n++) {
            Party loudest = null;
            for (int i = 0; i < parties.size(); i++) {
                Party p = parties.get(i);
                if (p.talking && !p.chosen && (loudest == null || p.energy > loudest.energy)) {
                    loudest = p;
                }
            }
            loudest.chosen = true;
        }
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            p.talking = p.chosen;
            p.chosen = false;
        }
    }

    private static long energy(short[] frame) {
        long energy = 0;
        for (short s : frame) {
            energy += s * s;
        }
        return energy;
    }

    /**
     * What one party hears: {@code sum} (everyone's frames added in 32 bits) minus its own frame when it sent one,
     * saturated to 16 bits (clipping, not the wrap-around a plain cast would give), into {@code out}.
     */
    static void mixMinus(int[] sum, short[] own, boolean hasOwn, short[] out) {
        for (int s = 0; s < out.length; s++) {
            int v = hasOwn ? sum[s] - own[s] : sum[s];
            out[s] = (short) Math.clamp(v, Short.MIN_VALUE, Short.MAX_VALUE);
        }
    }

    @Override
    public String toString() {
        return "Mixer[" + label + "]";
    }
}
