package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.endpoint.MediaEventListener;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;

/**
 * The "hold with music" operation on a bridged call: while one party holds, a PBX media endpoint
 * is attached to the held party's relay leg and plays the {@link HoldMusic} source to it through
 * the port that party already sends to (no re-INVITE); on resume the endpoint closes and relaying
 * goes on. Only for G.711, which the endpoint speaks; a held party on another codec hears silence.
 * Owned by the call's executor; the attach completes there too.
 */
final class HeldPartyMusic {
    private static final Logger log = LoggerFactory.getLogger(HeldPartyMusic.class);

    private final MediaEndpoints endpoints;
    private final RelaySession session;
    private final Executor executor;
    private final HoldMusic music;
    private final Function<Leg, String> parties;
    private Optional<Leg> heldParty = Optional.empty();
    private MediaEndpoint endpoint;
    private int attaches; // counts attach requests, so one that completes after a resume is undone
    private boolean closed;

    /** @param parties the extension (or caller's user part) on each leg, asked when a hold starts */
    HeldPartyMusic(MediaEndpoints endpoints, RelaySession session, Executor executor, HoldMusic music,
            Function<Leg, String> parties) {
        this.endpoints = endpoints;
        this.session = session;
        this.executor = executor;
        this.music = music;
        this.parties = parties;
    }

    /**
     * The call's hold state changed: {@code held} is the leg whose phone is held now (the other one
     * holds), empty on resume; {@code codec} the call's agreed codec.
     */
    void follow(Optional<Leg> held, Optional<String> codec) {
        if (closed || held.equals(heldParty)) {
            return;
        }
        stop();
        heldParty = held;
        if (held.isPresent()) {
            start(held.get(), codec);
        }
    }

    /** The call ended: music stops for good. */
    void close() {
        closed = true;
        stop();
    }

    private void start(Leg held, Optional<String> codec) {
        Optional<RemoteMedia> format = codec.flatMap(RemoteMedia::latchedG711);
        Optional<AudioSource> source = format.isPresent() ? music.forHold(parties.apply(held.other())) : Optional.empty();
        if (source.isEmpty()) {
            return;
        }
        int attach = ++attaches;
        endpoints.attach(session, held, new MediaEventListener() { }, executor)
                .whenComplete((attached, failure) -> executor.execute(() -> {
                    if (failure != null) {
                        log.warn("hold music unavailable call={} reason={}", session.label(), failure.toString());
                    } else if (attach != attaches || closed) {
                        attached.close(); // resumed (or ended) while the endpoint was being attached
                    } else {
                        endpoint = attached;
                        attached.setRemote(format.get());
                        attached.play(source.get());
                    }
                }));
    }

    private void stop() {
        attaches++;
        heldParty = Optional.empty();
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }
}
