package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * What the dial plan needs to know about an extension number: whether it exists and is enabled.
 * Answered from memory (no SQL on the call path); implementations are thread-safe.
 */
@FunctionalInterface
public interface ExtensionDirectory {

    /** Empty when no extension has this number, else whether it is enabled. */
    Optional<Boolean> isEnabled(String number);
}
