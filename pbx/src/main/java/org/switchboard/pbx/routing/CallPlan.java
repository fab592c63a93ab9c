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
     */
    public record Ring(String extension, List<Binding> contacts, Optional<Fallback> onBusy,
            Optional<Fallback> onNoAnswer, List<Forward> forwards) implements Action {
        public Ring {
            contacts = List.copyOf(contacts);
            forwards = List.copyOf(forwards);
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
