package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Hands a caller's INVITE that is not answered yet to the application registered for its
 * destination's kind: a number the dial plan sent to an application, or a call that rang an
 * extension and went to its last resort or a forwarding to an application. Thread-safe (the
 * registry of applications is).
 */
final class ApplicationLauncher {
    private static final Logger log = LoggerFactory.getLogger(ApplicationLauncher.class);

    private final Applications applications = new Applications();
    private final PbxAnswering answering;

    ApplicationLauncher(PbxAnswering answering) {
        this.answering = answering;
    }

    Applications applications() {
        return applications;
    }

    /**
     * Starts {@code destination}'s application on {@code invite}; {@code rangSince} and {@code
     * localTag} as in {@link InviteAwaitingApplication}. On the INVITE's executor.
     */
    void start(ServerTransaction invite, SipLogin caller, Optional<SessionDescription> offer,
            Optional<Instant> rangSince, String localTag, Route.ToApplication destination) {
        start(new InviteAwaitingApplication(invite, caller, offer, answering, rangSince, localTag), destination);
    }

    /** Starts {@code destination}'s application on {@code call}, or refuses it when no module runs that kind here. */
    void start(IncomingCall call, Route.ToApplication destination) {
        String kind = destination.kind();
        applications.forKind(kind).ifPresentOrElse(app -> app.start(call, destination), () -> {
            // The dial plan knows the kind but no module runs it on this node.
            log.warn("no application for destination kind={} dialled={}", kind, call.dialled());
            call.refuse(404, "No Application For " + kind);
        });
    }
}
