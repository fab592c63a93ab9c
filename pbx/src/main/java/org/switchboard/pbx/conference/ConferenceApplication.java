package org.switchboard.pbx.conference;

import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.HoldMusic;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code conference}: the target names a room; the PBX answers, asks for the PIN when the room
 * has one, and seats the caller in the room's mixer ({@link ConferenceCall}). A room unknown when the call comes
 * is refused with 404. Stateless; each call gets its own {@link ConferenceCall}.
 */
public final class ConferenceApplication implements Application {
    private final ConferenceService rooms;
    private final LiveConferences live;
    private final Prompts prompts;
    private final HoldMusic music;

    public ConferenceApplication(ConferenceService rooms, LiveConferences live, Prompts prompts, HoldMusic music) {
        this.rooms = rooms;
        this.live = live;
        this.prompts = prompts;
        this.music = music;
    }

    /** The kind rules name: {@code "action": "conference", "target": "<room>"}; a rule may name a room made later. */
    public static ApplicationKind kind() {
        return new ApplicationKind("conference",
                "answers and seats the caller in the conference room the target names, after its PIN if it has one",
                target -> Fields.check(target.matches("[A-Za-z0-9$][A-Za-z0-9_.$-]{0,63}"), "target",
                        "must be a conference room's name"));
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        rooms.find(destination.target()).ifPresentOrElse(
                room -> call.answer(new ConferenceCall(room.name(), rooms, live, prompts, music, call.executor())),
                () -> call.refuse(404, "No Such Conference"));
    }
}
