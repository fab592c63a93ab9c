package org.switchboard.pbx.routing;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;

/**
 * One kind of destination a dial-plan rule can send a number to, registered under the name a
 * rule's {@code action} uses ({@link DestinationKinds}): it says what a rule's target must look
 * like and what a matching rule decides. The built-in kinds are {@code extension}, {@code feature}
 * and {@code reject}; a feature module adds its own (usually an {@link ApplicationKind}, whose
 * calls go to the module's application). Implementations are immutable and thread-safe: {@link
 * #decide} runs on call executors and reads memory only.
 */
public interface DestinationKind {

    /** The name rules use as their action: a letter, then letters, digits or {@code _}. */
    String name();

    /** What a rule of this kind does with its target, in one sentence, for the dial-plan API. */
    String description();

    /**
     * Checks a rule's target when the rule is saved ({@link ValidationException} on
     * {@code target}); group references ({@code $1}) are already known to exist.
     */
    void checkTarget(String target);

    /** What a rule of this kind decides for a dialled string its pattern matched. */
    Route decide(RuleMatch match);

    /**
     * What a call sent to {@code destination} would do beyond the dial plan, in lines for {@code GET
     * /api/dialplan/test} (an outbound route's trunks in order and why); memory only. Most kinds
     * have nothing to add.
     */
    default List<String> explain(Route.ToApplication destination) {
        return List.of();
    }

    /**
     * Where a call sent to {@code target} goes instead, for a kind that only chooses between other
     * destinations (a time rule: open or closed now), with why in words; empty for kinds that take
     * calls themselves. Memory only; the destination it names never redirects again.
     */
    default Optional<Redirect> redirect(String target) {
        return Optional.empty();
    }

    /** A kind's choice of another destination ({@link #redirect}) and the reason, for the plan's steps. */
    record Redirect(Destination to, String why) {}
}
