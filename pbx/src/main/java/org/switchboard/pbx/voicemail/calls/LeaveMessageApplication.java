package org.switchboard.pbx.voicemail.calls;

import java.time.InstantSource;
import java.util.Optional;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.ForwardReason;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.Voicemail;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code voicemail}: the PBX answers and the caller leaves a message in the box
 * the target names (an extension number), as {@link MessageDeposit} runs it. A call that comes as
 * the extension's last resort or forwarding carries the reason as the route's argument
 * (docs/call-engine.md): {@code busy} and {@code do_not_disturb} hear the busy greeting, anything
 * else the unavailable one. Stateless; each call gets its own {@link MessageDeposit}.
 */
public final class LeaveMessageApplication implements Application {

    /** The kind rules (and the extensions' last resort) name: {@code "action": "voicemail", "target": "1002"}. */
    public static final ApplicationKind KIND = new ApplicationKind("voicemail",
            "answers and records a message for the voicemail box the target names (an extension number)",
            target -> Fields.check(target.matches("([0-9]|\\$[0-9]+)+"), "target",
                    "must be a box number: digits and group references such as $0"));

    private final Voicemail voicemail;
    private final Prompts prompts;
    private final InstantSource clock;

    public LeaveMessageApplication(Voicemail voicemail, Prompts prompts, InstantSource clock) {
        this.voicemail = voicemail;
        this.prompts = prompts;
        this.clock = clock;
        Phrases.load(prompts);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        call.answer(new MessageDeposit(voicemail, prompts, clock, new BlockingWork(call.executor()),
                destination.target(), greetingFor(destination.argument())));
    }

    /** The greeting for a call that reached the box for {@code reason} (a {@link ForwardReason} key, if any). */
    static Greeting greetingFor(Optional<String> reason) {
        boolean busy = reason.filter(r -> r.equals(ForwardReason.BUSY.key())
                || r.equals(ForwardReason.DO_NOT_DISTURB.key())).isPresent();
        return busy ? Greeting.BUSY : Greeting.UNAVAILABLE;
    }
}
