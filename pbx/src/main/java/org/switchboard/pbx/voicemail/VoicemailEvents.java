package org.switchboard.pbx.voicemail;

import java.nio.file.Path;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.VoicemailLeft;

/**
 * Announces each message left on the {@link EventBus} as {@link VoicemailLeft}, after the message
 * is committed (the service tells its listeners then), for webhooks and the live dashboard.
 * Stateless; publishing never blocks, so any thread may call it.
 */
public final class VoicemailEvents implements MailboxListener {
    private final EventBus events;

    public VoicemailEvents(EventBus events) {
        this.events = events;
    }

    @Override
    public void changed(MailboxCounts counts) {
        // Counts are message waiting's concern; only a new message is an event of its own.
    }

    @Override
    public void deposited(VoicemailBox box, VoicemailMessage message, Path audio) {
        events.publish(new VoicemailLeft(message.receivedAt(), message.box(), message.id(),
                message.callerNumber() == null ? "" : message.callerNumber(),
                message.callerName() == null ? "" : message.callerName(), message.duration()));
    }
}
