package org.switchboard.server.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.switchboard.api.conference.ConferenceRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.conference.ConferenceApplication;
import org.switchboard.pbx.conference.ConferenceService;
import org.switchboard.pbx.conference.LiveConferences;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.conference.JdbiConferenceRoomStore;
import org.switchboard.store.db.Database;

/**
 * Conference rooms: destination kind {@code conference} and its application (prompts from the node's prompts,
 * music while waiting for a moderator from music on hold), the rooms' cache, the live rooms whose mixers come
 * from the node's media endpoints once SIP runs, and the routes. Room recordings go to {@code
 * <data_dir>/conferences}. Built and driven by the start-up thread.
 */
final class ConferenceModule implements FeatureModule {
    /** The data directory's folder for room recordings. */
    static final String FOLDER = "conferences";

    private final ConferenceService rooms;
    private final LiveConferences live;
    private final ConferenceApplication application;

    private ConferenceModule(ConferenceService rooms, LiveConferences live, ConferenceApplication application) {
        this.rooms = rooms;
        this.live = live;
        this.application = application;
    }

    static ConferenceModule build(Features features, SwitchboardConfig config, Database database, Clock clock) {
        ConferenceService rooms = new ConferenceService(new JdbiConferenceRoomStore(database), clock, features.events());
        LiveConferences live = new LiveConferences(clock, config.dataDir().resolve(FOLDER));
        return new ConferenceModule(rooms, live,
                new ConferenceApplication(rooms, live, features.prompts(), features.moh()));
    }

    @Override
    public String name() {
        return "conference";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(ConferenceApplication.kind(), application));
    }

    @Override
    public void loadCaches() {
        rooms.reloadCache();
    }

    @Override
    public void sipStarted(SipWiring sip) {
        try {
            // made here, on the start-up thread, so a recording room's writer never waits for a folder
            Files.createDirectories(live.recordings());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + live.recordings(), e);
        }
        live.useMixers(sip.endpoints()::newMixer);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new ConferenceRoutes(rooms, live));
    }
}
