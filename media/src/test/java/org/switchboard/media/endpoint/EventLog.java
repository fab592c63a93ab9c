package org.switchboard.media.endpoint;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.switchboard.media.dtmf.DtmfMethod;

/** A listener that queues every endpoint event as a line of text, for tests to wait on. */
final class EventLog implements MediaEventListener {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordingResult> recordings = new LinkedBlockingQueue<>();

    @Override
    public void onDtmf(char digit, DtmfMethod method) {
        events.add("dtmf " + digit + " " + method);
    }

    @Override
    public void onPlaybackFinished(long playbackId, PlaybackEnd reason) {
        events.add("playback " + playbackId + " " + reason);
    }

    @Override
    public void onRecordingFinished(RecordingResult result) {
        recordings.add(result);
        events.add("recording " + result.end());
    }

    @Override
    public void onMediaTimeout() {
        events.add("media timeout");
    }

    /** The next event, or "none" after a guard time (not a measurement). */
    String next() {
        try {
            String e = events.poll(5, TimeUnit.SECONDS);
            return e == null ? "none" : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event within {@code millis}, or "none". */
    String nextWithin(long millis) {
        try {
            String e = events.poll(millis, TimeUnit.MILLISECONDS);
            return e == null ? "none" : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    RecordingResult recording() {
        try {
            RecordingResult r = recordings.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no recording finished");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
