package org.switchboard.pbx.clicktodial;

import java.time.InstantSource;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.CallControl;
import org.switchboard.pbx.call.OriginateLeg;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;

/**
 * Click-to-dial (docs/click-to-dial.md): checks a request, rings the {@code from} extension's phones
 * from the PBX with {@code to} as the caller ID, and once one answers sends that leg to {@code to}
 * through the dial plan as if {@code from} had dialled it ({@link ClickToDialCall}). Runs on the
 * API's request thread (it reads the extension from the database); the call itself runs on its own
 * executor. Thread-safe.
 */
public final class ClickToDial implements Dialling {
    private static final Logger log = LoggerFactory.getLogger(ClickToDial.class);
    /** What a phone can dial: digits, star, hash, plus, and letters for SIP user names. */
    private static final Pattern DIALLABLE = Pattern.compile("[0-9A-Za-z*#+._-]{1,32}");
    /** A caller ID goes in a From header's user part and display: no quotes, brackets or controls. */
    private static final Pattern CALLER_ID = Pattern.compile("[0-9A-Za-z*#+._-]{1,32}");

    private final CallControl calls;
    private final ExtensionService extensions;
    private final EventBus events;
    private final InstantSource clock;

    /** {@code from}'s phones ring for call control's no-answer time ({@code calls.no_answer_timeout}). */
    public ClickToDial(CallControl calls, ExtensionService extensions, EventBus events, InstantSource clock) {
        this.calls = calls;
        this.extensions = extensions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts {@code request} and returns its call's id.
     *
     * @throws ValidationException on {@code from} (not an extension), {@code to} (not diallable, or a number the
     *     dial plan knows no destination for, or {@code from} itself) or {@code caller_id}
     * @throws ConflictException on {@code from} when the extension is disabled or has no registered phone
     */
    @Override
    public String dial(ClickToDialRequest request) {
        String from = request.from();
        if (from == null || from.isBlank()) {
            throw new ValidationException("from", "is required: the extension whose phones ring first");
        }
        Extension extension = extensions.find(from)
                .orElseThrow(() -> new ValidationException("from", "no extension " + from));
        String to = request.to();
        if (to == null || !DIALLABLE.matcher(to).matches()) {
            throw new ValidationException("to", "must be a number to dial: 1 to 32 of 0-9 A-Z a-z * # + . _ -");
        }
        if (to.equals(from)) {
            throw new ValidationException("to", "must differ from from");
        }
        String callerId = request.callerId().orElse(to);
        if (!CALLER_ID.matcher(callerId).matches()) {
            throw new ValidationException("caller_id", "must be 1 to 32 of 0-9 A-Z a-z * # + . _ -");
        }
        if (calls.router().plan(from, to).action() instanceof CallPlan.Reject reject && reject.status() == 404) {
            throw new ValidationException("to", "the dial plan has no destination for " + to + " from " + from);
        }
        if (!extension.enabled()) {
            throw new ConflictException("from", "extension " + from + " is disabled");
        }
        if (!calls.isRegistered(from)) {
            throw new ConflictException("from", "extension " + from + " has no registered phone to ring");
        }
        ClickToDialCall call = new ClickToDialCall(from, to, events, clock);
        String id = calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension(from), callerId, "", to,
                calls.noAnswerTimeout(), request.autoAnswer()), call);
        call.started(id);
        log.info("click-to-dial call_id={} from={} to={} auto_answer={}", id, from, to, request.autoAnswer());
        return id;
    }
}
