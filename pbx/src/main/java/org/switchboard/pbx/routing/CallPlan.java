package org.switchboard.pbx.routing;

import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.registrar.Binding;

/**
 * What {@link CallRouter} decided for one call attempt: the {@link Action} call control takes, the
 * dial plan's decision for the dialled string, and the steps after it (forwarding, do-not-disturb,
 * registrations) that explain how the call got there. Immutable.
 */
public record CallPlan(RoutingDecision decision, Action action, List<PlanStep> steps) {
    public CallPlan {
        steps = List.copyOf(steps);
    }

    /** Who called. */
    public String caller() {
        return decision.caller();
    }

    /** What the caller dialled. */
    public String dialled() {
        return decision.dialled();
    }

    /** What call control does with the call; it switches over this exhaustively. */
    public sealed interface Action {}

    /**
     * Ring {@code extension}'s phones ({@code contacts}, never empty, live when planned). This is
     * the extension finally reached after {@code forwards} (empty when the dialled number rang
     * directly), so it is the CDR's callee. When the phones answer busy (486, 600) or ring for
     * {@code onNoAnswer.after()}, call control follows the fallback with {@link CallRouter#follow}.
     *
     * <p>A ring of a group ({@code hunt} present, {@link Hunt}) rings one or several members' phones
     * ({@link Binding#extension()} tells whose) and {@code extension} is the group's name; the member
     * who answers is the CDR's callee. Its fallbacks go on with the group's other members, then its
     * final action.
     */
    public record Ring(String extension, List<Binding> contacts, Optional<Fallback> onBusy,
            Optional<Fallback> onNoAnswer, List<Forward> forwards, Optional<Hunt> hunt) implements Action {
        public Ring {
            contacts = List.copyOf(contacts);
            forwards = List.copyOf(forwards);
        }

        /** A ring of one extension's phones. */
        public Ring(String extension, List<Binding> contacts, Optional<Fallback> onBusy, Optional<Fallback> onNoAnswer,
                List<Forward> forwards) {
            this(extension, contacts, onBusy, onNoAnswer, forwards, Optional.empty());
        }

        /**
         * The fallback for phones that did not answer ({@code noAnswer}: the ring time ran out) or
         * refused ({@code busy}: 486 or 600). A group moves on from a member whatever the refusal;
         * an extension's forwarding covers busy only.
         */
        public Optional<Fallback> fallbackFor(boolean noAnswer, boolean busy) {
            if (noAnswer) {
                return onNoAnswer;
            }
            return busy || hunt.isPresent() ? onBusy : Optional.empty();
        }

        /** The extensions that forwarded the call here, in order. */
        public List<String> forwardedBy() {
            return forwards.stream().map(Forward::from).toList();
        }
    }

    /** Refuse the call with this SIP final response (RFC 3261 §21.4, §21.5). */
    public record Reject(int status, String reason) implements Action {}

    /**
     * The number leads to an application (a feature code, and later voicemail, an attendant
     * menu...): call control hands the call to the application registered for {@code
     * destination.kind()}; the router only decides.
     */
    public record Apply(Route.ToApplication destination) implements Action {}
}
