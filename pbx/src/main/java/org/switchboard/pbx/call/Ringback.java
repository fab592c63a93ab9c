package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.List;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.AudioSource;

/**
 * The ringback tone a PBX-answered caller hears while the extension it is sent to rings: 425 Hz,
 * one second on and four off (ITU-T E.180), repeated until stopped. One per playback; read on the
 * endpoint's event loop, allocating nothing per frame.
 */
final class Ringback implements AudioSource {
    private static final AudioClip CYCLE = AudioClip.concat(List.of(
            AudioClip.tone(425, 0.2, Duration.ofSeconds(1)), AudioClip.silence(Duration.ofSeconds(4))));

    private AudioSource cycle = CYCLE.source();

    @Override
    public boolean read(short[] frame, long tick) {
        if (cycle.read(frame, tick)) {
            return true;
        }
        cycle = CYCLE.source(); // one small cursor every five seconds
        return cycle.read(frame, tick);
    }
}
