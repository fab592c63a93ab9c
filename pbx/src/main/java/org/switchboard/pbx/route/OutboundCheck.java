package org.switchboard.pbx.route;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What may refuse an extension's call to the outside before any trunk is tried (fraud control,
 * docs/fraud-control.md). Called on the call's executor: reads memory only, never blocks.
 */
@FunctionalInterface
public interface OutboundCheck {

    /** Why a call is refused: the final response the caller gets. */
    record Refusal(int status, String reason) {}

    /** Whether {@code extension} may call {@code number} (the number sent to the trunk); empty: it may. */
    Optional<Refusal> check(String extension, String number);

    /**
     * The checks a node runs, in the order they were added: the first refusal wins. Modules add
     * theirs at start-up, after the outbound application was built with this list. Thread-safe.
     */
    final class All implements OutboundCheck {
        private final List<OutboundCheck> checks = new CopyOnWriteArrayList<>();

        public void add(OutboundCheck check) {
            checks.add(check);
        }

        @Override
        public Optional<Refusal> check(String extension, String number) {
            for (OutboundCheck c : checks) {
                Optional<Refusal> refusal = c.check(extension, number);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        }
    }
}
