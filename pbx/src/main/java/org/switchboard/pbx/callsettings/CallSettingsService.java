package org.switchboard.pbx.callsettings;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Feature;
import org.switchboard.pbx.routing.FeatureCode;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RoutingDecision;
import org.switchboard.store.callsettings.CallSettings;
import org.switchboard.store.callsettings.CallSettingsStore;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/**
 * The single entry point for per-extension call settings (API, CLI, and call control when a phone
 * dials a feature code such as {@code *78}): checks that every enabled forwarding target can be
 * dialled through the dial plan, writes through the store, and keeps an in-memory copy reloaded
 * from the database after every committed change, so {@link #current} never waits on SQL.
 *
 * <p>Thread-safe: changes are serialized by one lock (a feature code reads the settings, changes
 * one part and writes them back, which must not interleave with an admin's PUT); readers use an
 * immutable map published through a volatile field, without locking. Never call the writing
 * methods from an event loop.
 */
public final class CallSettingsService {
    private static final Logger log = LoggerFactory.getLogger(CallSettingsService.class);

    private final CallSettingsStore store;
    private final ExtensionService extensions;
    private final DialPlanService dialPlan;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, CallSettings> byNumber = Map.of();

    /** @param events where each committed change is published as {@code ConfigChanged("call_settings", number)} */
    public CallSettingsService(CallSettingsStore store, ExtensionService extensions, DialPlanService dialPlan, Clock clock,
                               EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.dialPlan = dialPlan;
        this.clock = clock;
        this.events = events;
    }

    /** The settings of extension {@code number} (the defaults if never saved), read from the database; {@link NotFoundException} if no such extension. */
    public CallSettings get(String number) {
        extensions.get(number);
        return store.find(number).orElseGet(() -> CallSettings.defaults(number));
    }

    /**
     * Replaces the settings of extension {@code number}; {@link NotFoundException} if no such
     * extension, {@link ValidationException} naming the field (e.g. {@code forward_busy.target})
     * when an enabled forwarding's target cannot be dialled or is the extension itself, or
     * {@code moh_class} when no music-on-hold class has that name.
     */
    public CallSettings update(String number, NewCallSettings values, String actor) {
        changes.lock();
        try {
            extensions.get(number);
            CallSettings saved = save(number, values);
            log.info("call settings updated extension={} forward_always={} forward_busy={} forward_no_answer={} dnd={} "
                    + "moh_class={} by={}", number, values.forwardAlways().enabled(), values.forwardBusy().enabled(),
                    values.forwardNoAnswer().enabled(), values.doNotDisturb(), values.mohClass(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Whether {@link #applyFeatureCode} handles this feature (voicemail is not a call setting). */
    public static boolean handles(Feature feature) {
        return feature != Feature.VOICEMAIL;
    }

    /**
     * What call control calls when extension {@code number} dialled a feature code the dial plan
     * decided on: {@code *72[target]} forwards all calls (to the target, or the last one when
     * none is given), {@code *73} stops, {@code *78}/{@code *79} turn do-not-disturb on/off.
     * Returns the settings now in force. {@link ValidationException} on
     * {@code forward_always.target} when there is no usable target;
     * {@link IllegalArgumentException} for a feature this service does not {@linkplain #handles handle}.
     */
    public CallSettings applyFeatureCode(String number, FeatureCode code) {
        if (!handles(code.feature())) {
            throw new IllegalArgumentException("not a call-settings feature: " + code.feature().key());
        }
        changes.lock();
        try {
            NewCallSettings now = get(number).values();
            NewCallSettings next = switch (code.feature()) {
                case FORWARD_ON -> now.withForwardAlways(forwardOn(now.forwardAlways(), code.argument()));
                case FORWARD_OFF -> now.withForwardAlways(now.forwardAlways().off());
                case DND_ON -> now.withDoNotDisturb(true);
                case DND_OFF -> now.withDoNotDisturb(false);
                case VOICEMAIL -> throw new IllegalArgumentException("not a call-settings feature: voicemail");
            };
            CallSettings saved = save(number, next);
            log.info("call settings feature code extension={} feature={} dialled={}", number, code.feature().key(), code.dialled());
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** The settings in force for extension {@code number}, from memory (no SQL): the defaults when none are saved. */
    public CallSettings current(String number) {
        return Optional.ofNullable(byNumber.get(number)).orElseGet(() -> CallSettings.defaults(number));
    }

    /**
     * Loads the cache from the database: at start, after each change, on a change notice from
     * another node, and after an extension was renumbered or deleted (the rows follow it).
     */
    public void reloadCache() {
        changes.lock();
        try {
            byNumber = store.list().stream()
                    .collect(Collectors.toUnmodifiableMap(CallSettings::extensionNumber, Function.identity()));
        } finally {
            changes.unlock();
        }
    }

    private static Forwarding forwardOn(Forwarding current, Optional<String> argument) {
        String target = argument.orElse(current.target());
        if (target == null) {
            throw new ValidationException("forward_always.target", "no target to forward to: dial the code followed by a number");
        }
        return current.on(target);
    }

    private CallSettings save(String number, NewCallSettings values) {
        checkTarget(number, values.forwardAlways(), "forward_always");
        checkTarget(number, values.forwardBusy(), "forward_busy");
        checkTarget(number, values.forwardNoAnswer(), "forward_no_answer");
        CallSettings saved = store.save(number, values, clock.instant());
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), "call_settings", number, Change.UPDATED));
        return saved;
    }

    /**
     * An enabled forwarding must reach another extension, or an application other than the feature
     * codes (voicemail, an attendant), through the dial plan, as the forwarded call will.
     */
    private void checkTarget(String number, Forwarding forwarding, String field) {
        if (!forwarding.enabled()) {
            return;
        }
        RoutingDecision decision = dialPlan.route(number, forwarding.target());
        switch (decision.route()) {
            case Route.ToExtension to when to.number().equals(number) ->
                    throw new ValidationException(field + ".target", "must not be the extension itself");
            case Route.ToExtension to -> { }
            case Route.ToApplication app when app.kind().equals("feature") -> throw new ValidationException(field + ".target",
                    "leads to a feature code, not to an extension or application to forward to");
            case Route.ToApplication app -> { }
            case Route.Rejected r ->
                    throw new ValidationException(field + ".target", "cannot be dialled: " + r.reason());
        }
    }
}
