package org.switchboard.pbx.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.registrar.LocationService;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.MediaEncryption;
import org.switchboard.store.callsettings.NewCallSettings;

/**
 * What a dialled number rings: the dial plan's decision, then the called extension's call
 * settings and registrations, followed through forwarding until an extension rings or the call is
 * refused (docs/calls.md, "Call routing"). Forward always comes first (the extension does not
 * ring, even with do-not-disturb on); then do-not-disturb (forward on busy, else 486); then the
 * registrations (none: forward on no answer, else 480). Every forwarding target is routed again
 * through the dial plan, as the forwarding extension would dial it. A target that reaches an
 * extension the call already reached is a loop (482); more than {@link #MAX_FORWARDS} hops is 483.
 * A forwarding target the dial plan sends to an application (other than the feature codes) hands
 * the call to it. Where an extension would fail (busy, no answer, do-not-disturb, no phone) with no
 * forwarding for that reason, its {@link ExtensionLastResort} (voicemail) may take the call; either
 * way the application gets the {@link ForwardReason}'s key as {@link Route.ToApplication#argument()}.
 * A destination whose kind rings extensions ({@link RingingKind}: a ring group) is planned as a
 * {@link CallPlan.Ring} of its members' phones rather than handed to an application
 * (docs/ring-groups.md). An extension with follow-me on ({@link FollowingKind}) rings its list the same
 * way once forward always and do-not-disturb have had their say (docs/follow-me.md).
 *
 * <p>Reads only in-memory caches (the compiled dial plan, the call-settings cache, the location
 * service), so call executors may call it; it holds no mutable state, and any thread may use it.
 */
public final class CallRouter {
    /** Forwarding hops one call may take: enough for real chains, few enough to stop a runaway one. */
    public static final int MAX_FORWARDS = 5;

    private final DialPlanService dialPlan;
    private final CallSettingsLookup settings;
    private final LocationService location;
    private final ExtensionLastResort lastResort;

    /** @param lastResort where calls go that an extension cannot take ({@link ExtensionLastResort#NONE}: nowhere) */
    public CallRouter(DialPlanService dialPlan, CallSettingsLookup settings, LocationService location,
            ExtensionLastResort lastResort) {
        this.dialPlan = dialPlan;
        this.settings = settings;
        this.location = location;
        this.lastResort = lastResort;
    }

    /** The media encryption (SRTP) policy of extension {@code number}; the default for any other number. */
    public MediaEncryption mediaEncryption(String number) {
        return settings.current(number).values().mediaEncryption();
    }

    /** The plan for a call from {@code caller} dialling {@code dialled}, with its explanation. */
    public CallPlan plan(String caller, String dialled) {
        RoutingDecision decision = dialPlan.route(caller, dialled);
        List<PlanStep> steps = new ArrayList<>();
        CallPlan.Action action = switch (decision.route()) {
            case Route.Rejected r -> new CallPlan.Reject(r.sipStatus(), r.reason());
            case Route.ToApplication app -> toApplication(caller, dialled, app, List.of(), steps);
            case Route.ToExtension to -> reach(caller, dialled, to.number(), List.of(), steps);
        };
        return new CallPlan(decision, action, steps);
    }

    /**
     * The plan for sending {@code caller}'s call to {@code destination} named directly (an
     * attendant's option, a transfer by an application): an extension as if the caller dialled it,
     * a ring group rung, any other kind handed to its application; {@code dialled} is what the caller
     * dialled to get where it is.
     */
    public CallPlan plan(String caller, Destination destination, String dialled) {
        if (destination.kind().equals(ExtensionKind.NAME)) {
            return plan(caller, destination.target());
        }
        Route.ToApplication app = new Route.ToApplication(destination.kind(), destination.target(), dialled, Optional.empty());
        List<PlanStep> steps = new ArrayList<>();
        CallPlan.Action action = toApplication(caller, dialled, app, List.of(), steps);
        return new CallPlan(new RoutingDecision(caller, dialled, app, List.of()), action, steps);
    }

    /**
     * {@link #plan(String, Destination, String)}, or with {@code direct} and an extension: its
     * registered phones and those of the {@code together} extensions, and nothing else (a queue
     * offering a caller to its agents): none of their forwarding, no last resort, no fallback, so busy
     * or no answer is the caller's failure to handle. An extension on do-not-disturb or without a phone
     * is left out; with nobody left, do-not-disturb of a lone extension is 486, else 480.
     */
    public CallPlan plan(String caller, Destination destination, String dialled, boolean direct, List<String> together) {
        if (!direct || !destination.kind().equals(ExtensionKind.NAME)) {
            return plan(caller, destination, dialled);
        }
        List<String> numbers = Stream.concat(Stream.of(destination.target()), together.stream()).distinct().toList();
        List<PlanStep> steps = new ArrayList<>();
        List<Binding> contacts = new ArrayList<>();
        numbers.forEach(number -> contacts.addAll(reachable(number, steps)));
        CallPlan.Action action;
        if (!contacts.isEmpty()) {
            action = new CallPlan.Ring(destination.target(), contacts, Optional.empty(), Optional.empty(), List.of());
        } else if (numbers.size() == 1 && settings.current(destination.target()).values().doNotDisturb()) {
            action = reject(destination.target(), 486, "extension " + destination.target() + " is set to do not disturb", steps);
        } else {
            action = reject(destination.target(), 480, "no registered phone among " + String.join(", ", numbers), steps);
        }
        RoutingDecision decision = new RoutingDecision(caller, dialled, new Route.ToExtension(destination.target()), List.of());
        return new CallPlan(decision, action, steps);
    }

    /**
     * Tells the kind of a group's ring ({@link CallPlan.Ring#hunt()}) that {@code member} answered,
     * so that a memory hunt starts after it next time; nothing for an extension's ring.
     */
    public void answered(CallPlan plan, String member) {
        if (plan.action() instanceof CallPlan.Ring ring && ring.hunt().isPresent()) {
            Hunt hunt = ring.hunt().get();
            ringingKind(hunt.kind()).ifPresent(kind -> kind.answered(hunt.group(), member));
        }
    }

    /**
     * The plan once the extension {@code plan} rings answered busy or did not answer: {@code
     * fallback} must be that ring's {@code onBusy} or {@code onNoAnswer}. The target is planned
     * afresh (its settings and phones now), and loops are judged over the whole path so far.
     */
    public CallPlan follow(CallPlan plan, Fallback fallback) {
        if (!(plan.action() instanceof CallPlan.Ring ring)
                || !(ring.onBusy().equals(Optional.of(fallback)) || ring.onNoAnswer().equals(Optional.of(fallback)))) {
            throw new IllegalArgumentException("not a fallback of this plan's ring: " + fallback);
        }
        List<PlanStep> steps = new ArrayList<>(plan.steps());
        if (ring.hunt().isPresent()) {
            return new CallPlan(plan.decision(), hunt(plan.caller(), plan.dialled(), ring.hunt().get(), fallback.reason(), ring.forwards(),
                    steps), steps);
        }
        CallPlan.Action next = fallback.lastResort().isPresent()
                ? apply(ring.extension(), plan.dialled(), fallback.reason(), fallback.lastResort().get(), steps)
                : forward(plan.caller(), plan.dialled(), ring.extension(), fallback.reason(), fallback.target(), ring.forwards(), steps);
        return new CallPlan(plan.decision(), next, steps);
    }

    /** The call has reached extension {@code number} (it exists and is enabled): apply its settings. */
    private CallPlan.Action reach(String caller, String dialled, String number, List<Forward> forwards, List<PlanStep> steps) {
        NewCallSettings s = settings.current(number).values();
        if (s.forwardAlways().enabled()) {
            return forward(caller, dialled, number, ForwardReason.ALWAYS, s.forwardAlways().target(), forwards, steps);
        }
        if (s.doNotDisturb()) {
            if (s.forwardBusy().enabled()) {
                return forward(caller, dialled, number, ForwardReason.DO_NOT_DISTURB, s.forwardBusy().target(), forwards, steps);
            }
            return lastResortOr(dialled, number, ForwardReason.DO_NOT_DISTURB,
                    () -> reject(number, 486, "extension " + number + " is set to do not disturb", steps), steps);
        }
        Optional<Hunt> following = following(number);
        if (following.isPresent()) {
            return followMe(caller, dialled, number, s, following.get(), forwards, steps);
        }
        List<Binding> contacts = location.lookup(number);
        if (contacts.isEmpty()) {
            if (s.forwardNoAnswer().enabled()) {
                return forward(caller, dialled, number, ForwardReason.UNREGISTERED, s.forwardNoAnswer().target(), forwards, steps);
            }
            // RFC 3261 §21.4.18: the callee exists but cannot be reached now.
            return lastResortOr(dialled, number, ForwardReason.UNREGISTERED,
                    () -> reject(number, 480, "extension " + number + " has no registered phone", steps), steps);
        }
        steps.add(new PlanStep(number, "ring " + contacts.size() + " registered phone" + (contacts.size() == 1 ? "" : "s")));
        Optional<Fallback> onBusy = fallback(number, s.forwardBusy(), ForwardReason.BUSY, Duration.ZERO, forwards, steps);
        // The extension's ring time applies to its last resort too: voicemail answers when forwarding would.
        Optional<Fallback> onNoAnswer = fallback(number, s.forwardNoAnswer(), ForwardReason.NO_ANSWER,
                Duration.ofSeconds(s.noAnswerTimeoutSeconds()), forwards, steps);
        return new CallPlan.Ring(number, contacts, onBusy, onNoAnswer, forwards);
    }

    /** The list a {@link FollowingKind} rings in place of extension {@code number}'s phones, if any. */
    private Optional<Hunt> following(String number) {
        return dialPlan.kinds().all().stream().filter(FollowingKind.class::isInstance).map(FollowingKind.class::cast)
                .flatMap(kind -> kind.forExtension(number).stream()).findFirst();
    }

    /**
     * Extension {@code number} rings its follow-me list ({@code list}, its desk phone included) as a
     * group rings, then its forwarding on no answer, else its last resort, takes the call.
     */
    private CallPlan.Action followMe(String caller, String dialled, String number, NewCallSettings s, Hunt list,
            List<Forward> forwards, List<PlanStep> steps) {
        Optional<Destination> end = s.forwardNoAnswer().enabled()
                ? Optional.of(new Destination(ExtensionKind.NAME, s.forwardNoAnswer().target()))
                : lastResort.forExtension(number, ForwardReason.NO_ANSWER);
        steps.add(new PlanStep(number, list.kind() + ": " + list.stages().stream()
                .map(stage -> String.join(" + ", stage.members()) + " for " + stage.ringTime().toSeconds() + " s")
                .collect(Collectors.joining(", then "))));
        steps.add(new PlanStep(number, "if nobody answers: " + end.map(d -> d.kind() + " " + d.target())
                .orElse("the caller gets the failure")));
        return hunt(caller, dialled, list.endingIn(end), ForwardReason.UNREGISTERED, forwards, steps);
    }

    /** Extension {@code number} cannot take the call for {@code reason}: its last resort takes it, else {@code otherwise}. */
    private CallPlan.Action lastResortOr(String dialled, String number, ForwardReason reason,
            Supplier<CallPlan.Action> otherwise, List<PlanStep> steps) {
        Optional<Destination> destination = lastResort.forExtension(number, reason);
        return destination.isPresent() ? apply(number, dialled, reason, destination.get(), steps) : otherwise.get();
    }

    /** Extension {@code number}'s last resort {@code destination} takes the call, told the {@code reason}. */
    private static CallPlan.Apply apply(String number, String dialled, ForwardReason reason, Destination destination,
            List<PlanStep> steps) {
        steps.add(new PlanStep(number, describeFailure(reason) + ": last resort " + destination.kind() + " "
                + destination.target()));
        return new CallPlan.Apply(new Route.ToApplication(destination.kind(), destination.target(), dialled,
                Optional.of(reason.key())));
    }

    /** Extension {@code from} sends the call to {@code target}: reach the extension or application it routes to, or refuse. */
    private CallPlan.Action forward(String caller, String dialled, String from, ForwardReason reason, String target,
            List<Forward> forwards, List<PlanStep> steps) {
        return switch (hop(from, reason, target, forwards)) {
            case Hop.Refused refused -> reject(from, refused.status(),
                    describe(reason) + " to " + target + " refused: " + refused.reason(), steps);
            case Hop.ToApplication app -> {
                steps.add(new PlanStep(from, describe(reason) + " to " + target + " (" + app.kind() + " " + app.target() + ")"));
                yield toApplication(caller, dialled, new Route.ToApplication(app.kind(), app.target(), dialled, Optional.of(reason.key())),
                        append(forwards, new Forward(from, reason, target, app.target())), steps);
            }
            case Hop.Next next -> {
                steps.add(new PlanStep(from, describe(reason) + " to " + target));
                yield reach(caller, dialled, next.forward().to(), append(forwards, next.forward()), steps);
            }
        };
    }

    /**
     * The call reaches application destination {@code app}: a kind that rings (a ring group) rings its
     * members for the caller, any other kind gets the call. {@code forwards} are the hops so far; a
     * group reached again through them is a loop (482).
     */
    private CallPlan.Action toApplication(String caller, String dialled, Route.ToApplication app, List<Forward> forwards,
            List<PlanStep> steps) {
        Optional<DestinationKind.Redirect> redirect = dialPlan.kinds().find(app.kind()).flatMap(k -> k.redirect(app.target()));
        if (redirect.isPresent()) {
            return redirected(caller, dialled, app, redirect.get(), forwards, steps);
        }
        Optional<RingingKind> ringing = ringingKind(app.kind());
        if (ringing.isEmpty()) {
            return new CallPlan.Apply(app);
        }
        Optional<Hunt> found = ringing.get().hunt(app.target());
        if (found.isEmpty()) {
            return reject(app.target(), 404, "no " + app.kind() + " " + app.target(), steps);
        }
        Hunt group = found.get();
        if (forwards.stream().anyMatch(hop -> hop.from().equals(group.group()))) {
            return reject(group.group(), 482, "loop: " + app.kind() + " " + group.group() + " reached again", steps);
        }
        steps.add(new PlanStep(group.group(), app.kind() + " " + group.group() + ": members "
                + String.join(", ", group.members()) + (group.together() ? " together for " : " in turn, ")
                + group.ringTime().toSeconds() + " s" + (group.together() ? "" : " each")));
        steps.add(new PlanStep(group.group(), "if nobody answers: " + group.finalAction()
                .map(d -> d.kind() + " " + d.target()).orElse("the caller gets the failure")));
        return hunt(caller, dialled, group, ForwardReason.UNREGISTERED, forwards, steps);
    }

    /**
     * A kind that chooses between destinations (a time rule) sent the call on to {@code redirect.to()}, which is
     * planned as if a rule named it. The choice and its reason are a step of the plan.
     */
    private CallPlan.Action redirected(String caller, String dialled, Route.ToApplication app, DestinationKind.Redirect redirect,
            List<Forward> forwards, List<PlanStep> steps) {
        Destination to = redirect.to();
        steps.add(new PlanStep(app.target(), app.kind() + " " + app.target() + ": " + redirect.why() + ": "
                + to.kind() + " " + to.target()));
        // The destination's kind decides as for a rule naming it: an extension that exists, a refusal, an application.
        Route next = dialPlan.kinds().find(to.kind())
                .map(kind -> kind.decide(new RuleMatch(app.kind() + " " + app.target(), to.target(), dialled, app.argument())))
                .orElseGet(() -> new Route.Rejected("no destination kind " + to.kind(), 404));
        return switch (next) {
            case Route.Rejected r -> reject(to.target(), r.sipStatus(), r.reason(), steps);
            case Route.ToApplication application -> toApplication(caller, dialled, application, forwards, steps);
            case Route.ToExtension extension -> reach(caller, dialled, extension.number(), forwards, steps);
        };
    }

    /**
     * Rings the group's next stage with a member who can take the call (every member together, the
     * next one in turn, or a follow-me list's next numbers), skipping the caller and those on
     * do-not-disturb or with no registered phone; with nobody left, the group's final action takes
     * the call, told {@code reason} (why the last ones did not answer).
     * The members' own forwarding and last resort do not apply: the call is the group's.
     */
    private CallPlan.Action hunt(String caller, String dialled, Hunt group, ForwardReason reason, List<Forward> forwards,
            List<PlanStep> steps) {
        List<Hunt.Stage> stages = group.stages();
        List<Binding> contacts = new ArrayList<>();
        int next = 0;
        Duration ringTime = group.ringTime();
        while (next < stages.size() && contacts.isEmpty()) {
            Hunt.Stage stage = stages.get(next++);
            for (String member : stage.members()) {
                if (member.equals(caller)) {
                    steps.add(new PlanStep(member, "the caller: skipped")); // a member calling its own group
                } else {
                    contacts.addAll(reachable(member, steps));
                }
            }
            ringTime = stage.ringTime();
        }
        if (contacts.isEmpty()) {
            return nobodyAnswered(caller, dialled, group, reason, forwards, steps);
        }
        return new CallPlan.Ring(group.group(), contacts,
                Optional.of(new Fallback(ForwardReason.BUSY, group.group(), Duration.ZERO)),
                Optional.of(new Fallback(ForwardReason.NO_ANSWER, group.group(), ringTime)), forwards,
                Optional.of(group.remaining(stages.subList(next, stages.size()))));
    }

    /** The phones of group member {@code number}, none when it is on do-not-disturb or has no phone registered. */
    private List<Binding> reachable(String number, List<PlanStep> steps) {
        if (settings.current(number).values().doNotDisturb()) {
            steps.add(new PlanStep(number, "do not disturb: skipped"));
            return List.of();
        }
        List<Binding> contacts = location.lookup(number);
        steps.add(new PlanStep(number, contacts.isEmpty() ? "no registered phone: skipped"
                : "ring " + contacts.size() + " registered phone" + (contacts.size() == 1 ? "" : "s")));
        return contacts;
    }

    /** No member of {@code group} answered: its final action takes the call, else the caller gets 486 or 480. */
    private CallPlan.Action nobodyAnswered(String caller, String dialled, Hunt group, ForwardReason reason, List<Forward> forwards,
            List<PlanStep> steps) {
        if (group.finalAction().isEmpty()) {
            return reason == ForwardReason.BUSY ? reject(group.group(), 486, "every member of " + group.group() + " is busy", steps)
                    : reject(group.group(), 480, "nobody in " + group.group() + " answered", steps);
        }
        Destination destination = group.finalAction().get();
        steps.add(new PlanStep(group.group(), describeFailure(reason) + ": " + destination.kind() + " " + destination.target()));
        if (destination.kind().equals(ExtensionKind.NAME)) {
            // As the group would dial it, so the extension's own settings and last resort apply.
            return switch (hop(group.group(), reason, destination.target(), forwards)) {
                case Hop.Refused refused -> reject(group.group(), refused.status(), refused.reason(), steps);
                case Hop.ToApplication app -> toApplication(caller, dialled, new Route.ToApplication(app.kind(), app.target(),
                        dialled, Optional.of(reason.key())),
                        append(forwards, new Forward(group.group(), reason, destination.target(), app.target())), steps);
                case Hop.Next next -> reach(caller, dialled, next.forward().to(), append(forwards, next.forward()), steps);
            };
        }
        if (forwards.size() >= MAX_FORWARDS) {
            return reject(group.group(), 483, "more than " + MAX_FORWARDS + " forwards", steps);
        }
        return toApplication(caller, dialled, new Route.ToApplication(destination.kind(), destination.target(), dialled,
                Optional.of(reason.key())), append(forwards, new Forward(group.group(), reason, destination.target(),
                destination.target())), steps);
    }

    private Optional<RingingKind> ringingKind(String kind) {
        return dialPlan.kinds().find(kind).filter(RingingKind.class::isInstance).map(RingingKind.class::cast);
    }

    /**
     * The fallback a ring offers for busy or no answer, when the forwarding is on and its target
     * could be followed now; otherwise none, and the busy or no-answer outcome reaches the caller.
     */
    private Optional<Fallback> fallback(String number, Forwarding forwarding, ForwardReason reason, Duration after,
            List<Forward> forwards, List<PlanStep> steps) {
        String when = reason == ForwardReason.BUSY ? "if busy" : "if unanswered after " + after.toSeconds() + " s";
        if (!forwarding.enabled()) {
            Optional<Destination> destination = lastResort.forExtension(number, reason);
            destination.ifPresent(d -> steps.add(new PlanStep(number, when + ": last resort " + d.kind() + " " + d.target())));
            return destination.map(d -> Fallback.lastResort(reason, d, after));
        }
        return switch (hop(number, reason, forwarding.target(), forwards)) {
            case Hop.Refused refused -> {
                steps.add(new PlanStep(number, when + ": no forwarding to " + forwarding.target() + ", " + refused.reason()));
                yield Optional.empty();
            }
            case Hop.Next next -> {
                steps.add(new PlanStep(number, when + ": forward to " + forwarding.target()));
                yield Optional.of(new Fallback(reason, forwarding.target(), after));
            }
            case Hop.ToApplication app -> {
                steps.add(new PlanStep(number, when + ": forward to " + forwarding.target() + " (" + app.kind() + " "
                        + app.target() + ")"));
                yield Optional.of(new Fallback(reason, forwarding.target(), after));
            }
        };
    }

    /** Where one forwarding hop from {@code from} to {@code target} leads, judged against the path so far. */
    private Hop hop(String from, ForwardReason reason, String target, List<Forward> forwards) {
        if (forwards.size() >= MAX_FORWARDS) {
            return new Hop.Refused(483, "more than " + MAX_FORWARDS + " forwards");
        }
        return switch (dialPlan.route(from, target).route()) {
            case Route.Rejected r -> new Hop.Refused(r.sipStatus(), r.reason());
            // A feature code acts on the caller's own settings: never a place to send someone else's call.
            case Route.ToApplication app when app.kind().equals(FeatureKind.NAME) ->
                    new Hop.Refused(404, target + " is a " + app.kind() + " destination, not a number");
            case Route.ToApplication app -> new Hop.ToApplication(app.kind(), app.target());
            case Route.ToExtension to when path(from, forwards).contains(to.number()) ->
                    new Hop.Refused(482, "forwarding loop " + Stream.concat(path(from, forwards).stream(), Stream.of(to.number()))
                            .collect(Collectors.joining(" -> ")));
            case Route.ToExtension to -> new Hop.Next(new Forward(from, reason, target, to.number()));
        };
    }

    /** The extensions the call has reached, in order, ending with {@code current}. */
    private static List<String> path(String current, List<Forward> forwards) {
        if (forwards.isEmpty()) {
            return List.of(current);
        }
        return Stream.concat(Stream.of(forwards.getFirst().from()), forwards.stream().map(Forward::to)).toList();
    }

    private static CallPlan.Reject reject(String number, int status, String reason, List<PlanStep> steps) {
        steps.add(new PlanStep(number, "reject with " + status + ": " + reason));
        return new CallPlan.Reject(status, reason);
    }

    private static List<Forward> append(List<Forward> forwards, Forward next) {
        return Stream.concat(forwards.stream(), Stream.of(next)).toList();
    }

    private static String describe(ForwardReason reason) {
        return switch (reason) {
            case ALWAYS -> "forward always";
            case DO_NOT_DISTURB -> "do not disturb, forward on busy";
            case BUSY -> "busy, forward on busy";
            case UNREGISTERED -> "no registered phone, forward on no answer";
            case NO_ANSWER -> "no answer, forward on no answer";
        };
    }

    /** Why an extension could not take the call, as the last-resort step says. */
    private static String describeFailure(ForwardReason reason) {
        return switch (reason) {
            case ALWAYS -> "forward always";
            case DO_NOT_DISTURB -> "do not disturb";
            case BUSY -> "busy";
            case UNREGISTERED -> "no registered phone";
            case NO_ANSWER -> "no answer";
        };
    }

    /** One forwarding hop: the next extension, an application, or why the call cannot go there. */
    private sealed interface Hop {
        record Next(Forward forward) implements Hop {}

        record ToApplication(String kind, String target) implements Hop {}

        record Refused(int status, String reason) implements Hop {}
    }
}
