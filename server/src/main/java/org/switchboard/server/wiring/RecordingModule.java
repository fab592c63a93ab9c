package org.switchboard.server.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.recording.RecordingRoutes;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.recording.CallRecorder;
import org.switchboard.pbx.recording.RecordingService;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.recording.JdbiRecordingStore;

/**
 * Call recording (docs/recording.md): the policies' cache (reloaded after extension changes, since a deleted
 * extension takes its policy along), the recorder call control asks on every answered call once SIP runs, the
 * hourly retention job, and the routes. Recordings are under {@code data_dir/recordings}. Built and driven by the
 * start-up thread.
 */
final class RecordingModule implements FeatureModule {
    static final String FOLDER = "recordings";
    /** The shipped prompt "this call may be recorded". */
    static final String ANNOUNCEMENT = "call-recorded";
    /** How often expired recordings are looked for: retention is in days, an hour late is on time. */
    private static final Duration RETENTION_SWEEP = Duration.ofHours(1);

    private final RecordingService recordings;

    private RecordingModule(RecordingService recordings) {
        this.recordings = recordings;
    }

    static RecordingModule build(Features features, SwitchboardConfig config, Database database, Clock clock) {
        return new RecordingModule(new RecordingService(new JdbiRecordingStore(database), features.extensions(),
                config.dataDir().resolve(FOLDER), clock, features.events()));
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void loadCaches() {
        recordings.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "recording", recordings::reloadCache);
    }

    @Override
    public void schedule(Housekeeping housekeeping) {
        housekeeping.every("recording-retention", RETENTION_SWEEP, recordings::enforceRetention);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        try {
            // made here, on the start-up thread, so a call's recorder never waits for its folder
            Files.createDirectories(recordings.folder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + recordings.folder(), e);
        }
        sip.callControl().recordWith(new CallRecorder(recordings, sip.endpoints(), SystemPrompts.get(ANNOUNCEMENT)));
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new RecordingRoutes(recordings, sip.callControl()));
    }
}
