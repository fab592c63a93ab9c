package org.switchboard.media.endpoint;

/**
 * Music on hold as real systems do it: one clip, decoded once, playing in a loop at one position that every
 * listener shares. The position is the shared {@link MediaClock} tick, so listeners on any event loop hear the
 * same instant of the music without any state between them: a listener who joins late joins mid-piece.
 *
 * <p>Immutable: any thread may use it; listeners read the clip in place and allocate nothing per frame.
 */
public final class SharedSource {
    private final AudioClip clip;
    private final int frames;

    /** Loops {@code clip}, which must hold at least one frame (20 ms). */
    public SharedSource(AudioClip clip) {
        if (clip.length() < MediaClock.SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("a shared source needs at least 20 ms of audio, got "
                    + clip.length() + " samples");
        }
        this.clip = clip;
        // whole frames only: a partial last frame would put a click in every loop
        this.frames = clip.length() / MediaClock.SAMPLES_PER_FRAME;
    }

    /** A source that never ends, reading the frame the clock's tick points at. */
    public AudioSource listener() {
        return (frame, tick) -> {
            int start = (int) Math.floorMod(tick, (long) frames) * MediaClock.SAMPLES_PER_FRAME;
            for (int i = 0; i < MediaClock.SAMPLES_PER_FRAME; i++) {
                frame[i] = clip.sampleAt(start + i);
            }
            return true;
        };
    }

    /** The frame index in the loop at {@code tick}: the shared position. */
    public int positionAt(long tick) {
        return (int) Math.floorMod(tick, (long) frames);
    }
}
