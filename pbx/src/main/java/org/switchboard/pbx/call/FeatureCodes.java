package org.switchboard.pbx.call;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.callsettings.CallSettingsService;
import org.switchboard.pbx.routing.FeatureCode;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.ValidationException;

/**
 * The {@code feature} application: answers an INVITE whose dialled number is a feature code (*72, *73, *78, *79): the call
 * settings change is written on a virtual thread and the INVITE is then answered with a final
 * response that ends it, since there is nothing to connect: 603 with the new state as the reason
 * phrase when applied, 484 when *72 has no target, 500 when the change could not be saved.
 * Voicemail ({@code *97}) hands the call to the application of destination kind {@value #MAILBOX}
 * for the caller's own box (target {@value #OWN_BOX}), or refuses it with 480 when no voicemail
 * module registered one. Stateless; called on the Call-ID's executor.
 */
final class FeatureCodes implements Application {
    private static final Logger log = LoggerFactory.getLogger(FeatureCodes.class);

    /** The voicemail module's kind for listening to a box (pbx.voicemail.calls.MailboxApplication). */
    static final String MAILBOX = "mailbox";
    /** Its target meaning the caller's own box. */
    static final String OWN_BOX = "own";

    private final CallSettingsService callSettings;
    private final Applications applications;

    /** @param applications where *97 finds the voicemail module's {@value #MAILBOX} application at call time */
    FeatureCodes(CallSettingsService callSettings, Applications applications) {
        this.callSettings = callSettings;
        this.applications = applications;
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        FeatureCode code = FeatureCode.of(destination);
        String caller = call.caller();
        if (!CallSettingsService.handles(code.feature())) {
            applications.forKind(MAILBOX).ifPresentOrElse(
                    mailbox -> mailbox.start(call, new Route.ToApplication(MAILBOX, OWN_BOX, destination.dialled(),
                            destination.argument())),
                    () -> call.refuse(480, "Voicemail Unavailable"));
            return;
        }
        Thread.ofVirtual().name("feature-code-", 0).start(() -> {
            int status;
            String reason;
            try {
                callSettings.applyFeatureCode(caller, code);
                status = 603;
                reason = switch (code.feature()) {
                    case FORWARD_ON -> "Forwarding On";
                    case FORWARD_OFF -> "Forwarding Off";
                    case DND_ON -> "Do Not Disturb On";
                    case DND_OFF -> "Do Not Disturb Off";
                    case VOICEMAIL -> "Voicemail Unavailable";
                };
            } catch (ValidationException e) {
                status = 484;
                reason = "Address Incomplete";
            } catch (RuntimeException e) {
                log.warn("feature code failed extension={} feature={} reason={}", caller, code.feature().key(), e.toString());
                status = 500;
                reason = "Server Internal Error";
            }
            int answer = status;
            String phrase = reason;
            call.executor().execute(() -> call.refuse(answer, phrase));
        });
    }
}
