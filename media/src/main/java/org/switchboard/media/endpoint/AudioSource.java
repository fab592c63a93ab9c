package org.switchboard.media.endpoint;

import java.util.List;

/**
 * Audio an endpoint plays, one 20 ms frame (160 samples of 8 kHz 16-bit PCM) per clock tick.
 *
 * <p>Read only on the playing endpoint's {@code rtp-io-} event loop, one frame per tick; an implementation
 * allocates nothing in {@link #read}. A source is used by one playback; {@link AudioClip#source()} and
 * {@link SharedSource#listener()} hand out fresh ones.
 */
public interface AudioSource {
    /**
     * Fills {@code frame[0, 160)} with the next frame and returns true, or returns false when the source has ended
     * (the frame is then not sent). {@code tick} is the {@link MediaClock} tick being sent, which shared sources use
     * as their common position.
     */
    boolean read(short[] frame, long tick);

    /** The sources one after another (a prompt sentence: "you have", "3", "new messages"). */
    static AudioSource sequence(List<AudioSource> parts) {
        List<AudioSource> copy = List.copyOf(parts);
        return new AudioSource() {
            private int current;

            @Override
            public boolean read(short[] frame, long tick) {
                while (current < copy.size()) {
                    if (copy.get(current).read(frame, tick)) {
                        return true;
                    }
                    current++;
                }
                return false;
            }
        };
    }
}
