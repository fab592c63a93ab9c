package org.switchboard.pbx.voicemail.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.TransferOptions;
import org.switchboard.pbx.routing.Destination;

/**
 * A leg the PBX answered, with the test as the call engine: it keeps what the application asked
 * of it (playbacks, digit collections, the recording, the hang-up) for the test to see and answer
 * with events ({@link TestCall}). Written on the test call's executor, read by the test thread.
 */
final class ScriptedLeg implements PbxLeg {
    private final String caller;
    private final String callerName;
    private final List<Long> playbacks = new CopyOnWriteArrayList<>();
    private final List<DigitCollection> collections = new CopyOnWriteArrayList<>();
    private final List<String> hangUps = new CopyOnWriteArrayList<>();
    private volatile RecordingSink sink;
    private volatile RecordOptions recordOptions;
    private volatile int stoppedRecordings;

    ScriptedLeg(String caller, String callerName) {
        this.caller = caller;
        this.callerName = callerName;
    }

    @Override
    public String id() {
        return "scripted-" + caller;
    }

    @Override
    public String caller() {
        return caller;
    }

    @Override
    public String dialled() {
        return "*97";
    }

    @Override
    public String callerName() {
        return callerName;
    }

    @Override
    public void transfer(Destination destination, TransferOptions options) {
        throw new AssertionError("voicemail transfers nobody: " + destination);
    }

    @Override
    public long play(AudioSource source) {
        long id = playbacks.size() + 1;
        playbacks.add(id);
        return id;
    }

    @Override
    public void stopPlayback() {}

    @Override
    public void record(RecordingSink recordingSink, RecordOptions options) {
        sink = recordingSink;
        recordOptions = options;
    }

    @Override
    public void stopRecording() {
        stoppedRecordings++;
    }

    @Override
    public void collectDigits(DigitCollection request) {
        collections.add(request);
    }

    @Override
    public void joinMixer(Mixer mixer) {
        throw new AssertionError("voicemail calls never join a mixer");
    }

    @Override
    public void leaveMixer() {
        throw new AssertionError("voicemail calls never join a mixer");
    }

    @Override
    public void muteInMixer(boolean muted) {
        throw new AssertionError("voicemail calls never join a mixer");
    }

    @Override
    public void hangUp(String cause) {
        hangUps.add(cause);
    }

    /** The number of the last playback started (0 before any). */
    long lastPlayback() {
        return playbacks.size();
    }

    int collections() {
        return collections.size();
    }

    Optional<RecordingSink> sink() {
        return Optional.ofNullable(sink);
    }

    Optional<RecordOptions> recordOptions() {
        return Optional.ofNullable(recordOptions);
    }

    int stoppedRecordings() {
        return stoppedRecordings;
    }

    List<String> hangUps() {
        return new ArrayList<>(hangUps);
    }
}
