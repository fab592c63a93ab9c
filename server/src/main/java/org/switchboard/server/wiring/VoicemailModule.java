package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.voicemail.VoicemailRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.voicemail.VoicemailService;

/**
 * Voicemail's data side (docs/voicemail.md): at start the set of boxes that take calls (the dial
 * plan's last resort) is loaded and audio files a crash left without a row are removed; after an
 * extension changes the set is reloaded and the folder of a deleted extension goes; and the
 * voicemail routes. The call applications and message waiting use {@link Features#voicemail()}.
 */
public record VoicemailModule(VoicemailService voicemail) implements FeatureModule {
    /** The data-directory folder holding the boxes' audio; carried by backups. */
    public static final String FOLDER = "voicemail";

    @Override
    public String name() {
        return "voicemail";
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
