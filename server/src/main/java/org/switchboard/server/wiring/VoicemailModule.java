package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.http.Routes;
import org.switchboard.api.voicemail.VoicemailRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.pbx.voicemail.calls.LeaveMessageApplication;
import org.switchboard.pbx.voicemail.calls.MailboxApplication;

/**
 * Voicemail's data side (docs/voicemail.md): at start the set of boxes that take calls (the dial
 * plan's last resort) is loaded and audio files a crash left without a row are removed; after an
 * extension changes the set is reloaded and the folder of a deleted extension goes; and the
 * voicemail routes; and its calls (docs/voicemail.md, "Calls"): destination kind {@code voicemail}
 * (leaving a message) and {@code mailbox} (listening by phone, where {@code *97} leads), saying the
 * node's prompts (uploaded over shipped) and the time in {@code clock}'s zone. Message waiting uses {@link Features#voicemail()}.
 */
public record VoicemailModule(VoicemailService voicemail, Prompts prompts, Clock clock) implements FeatureModule {
    /** The data-directory folder holding the boxes' audio; carried by backups. */
    public static final String FOLDER = "voicemail";

    @Override
    public String name() {
        return "voicemail";
    }

    /** The enabled boxes take the calls their extensions cannot (docs/call-engine.md, "Last resort"). */
    @Override
    public Optional<ExtensionLastResort> lastResort() {
        return Optional.of(voicemail.lastResort());
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(
                new ModuleDestination(LeaveMessageApplication.KIND,
                        new LeaveMessageApplication(voicemail, prompts, clock)),
                new ModuleDestination(MailboxApplication.KIND,
                        new MailboxApplication(voicemail, prompts, clock.getZone())));
    }

    @Override
    public void loadCaches() {
        voicemail.reloadCache();
        voicemail.sweepFiles(true);
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "voicemail", () -> {
            voicemail.reloadCache();
            voicemail.sweepFiles(false);
        });
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new VoicemailRoutes(voicemail));
    }
}
