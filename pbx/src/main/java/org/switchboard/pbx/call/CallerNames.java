package org.switchboard.pbx.call;

import java.util.Optional;

/**
 * The name a phone is shown with a caller's number (the From display name of the INVITE that rings
 * it): an extension's own name, a phone-book contact's. Answered from memory on call executors;
 * implementations are thread-safe and never block.
 */
@FunctionalInterface
public interface CallerNames {
    /** Nobody is named: phones see the number alone. */
    CallerNames NONE = number -> Optional.empty();

    Optional<String> nameOf(String number);
}
