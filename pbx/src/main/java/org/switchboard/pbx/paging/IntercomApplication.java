package org.switchboard.pbx.paging;

import java.time.Duration;
import java.util.List;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.Fields;

/**
 * Destination kind {@code intercom}: the target is one extension (or {@code $1} of a feature-code rule such as
 * {@code \*80(\d+)}); its phone is asked to answer by itself and both sides are heard at once, after a beep
 * ({@link Pager}). An extension without a registered phone (an unknown one has none) is refused with 480, a busy
 * one with 486. Thread-safe.
 */
public final class IntercomApplication implements Application {
    /** The kind's name in dial-plan rules. */
    public static final String KIND = "intercom";
    /** Intercom is a conversation, not an announcement: it may last longer than a page, but not for ever. */
    static final Duration MAX_DURATION = Duration.ofMinutes(15);

    private final Pager pager;

    public IntercomApplication(Pager pager) {
        this.pager = pager;
    }

    /** The kind rules name: {@code "action": "intercom", "target": "2001"} or {@code "$1"}. */
    public static ApplicationKind kind() {
        return new ApplicationKind(KIND, "answers and connects the caller both ways to the extension the target names, "
                + "whose phone answers by itself", target -> Fields.check(target.matches("[0-9]{1,32}|\\$[0-9]"), "target",
                "must be an extension number or a group reference such as $1"));
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        String extension = destination.target();
        pager.start(call, new PageOrder("intercom " + extension, List.of(extension), false, true, MAX_DURATION));
    }
}
