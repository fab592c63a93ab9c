package org.switchboard.pbx.voicemail.calls;

import java.time.ZoneId;
import java.util.function.Function;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.voicemail.Voicemail;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code mailbox}: the PBX answers and the caller listens to a voicemail box and
 * manages it by keys ({@link MailboxCall}, starting at the {@link LoginMenu}). Target {@code own}:
 * the caller's own box (the {@code *97} feature code hands its calls here); {@code any}: the box
 * number is asked first ({@code *98}); a box number: that box. Stateless.
 */
public final class MailboxApplication implements Application {
    /** The caller's own box. */
    public static final String OWN = "own";
    /** A box the caller names. */
    public static final String ANY = "any";

    /** The kind rules name: {@code "action": "mailbox", "target": "any"}. */
    public static final ApplicationKind KIND = new ApplicationKind("mailbox",
            "listens to a voicemail box by phone: target own (the caller's box), any (asks for the box number) "
                    + "or a box number; the box's PIN is asked",
            target -> Fields.check(target.equals(OWN) || target.equals(ANY) || target.matches("([0-9]|\\$[0-9]+)+"),
                    "target", "must be own, any or a box number"));

    private final Voicemail voicemail;
    private final Phrases phrases;

    /** @param zone the time zone in which callers hear when their messages came */
    public MailboxApplication(Voicemail voicemail, Prompts prompts, ZoneId zone) {
        this.voicemail = voicemail;
        this.phrases = new Phrases(prompts, zone);
        Phrases.load(prompts);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        String target = destination.target();
        Function<MailboxCall, Menu> login = switch (target) {
            case OWN -> LoginMenu::ownBox;
            case ANY -> LoginMenu::askedBox;
            default -> mailbox -> LoginMenu.namedBox(mailbox, target);
        };
        call.answer(new MailboxCall(voicemail, phrases, new BlockingWork(call.executor()), login));
    }
}
