package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * Where a call to an extension goes when it would otherwise fail (busy, no answer, do-not-disturb,
 * no phone registered) and the extension has no forwarding target for that reason: the voicemail
 * module answers with the extension's box when it is enabled. Consulted on the call path, so an
 * implementation answers from memory. Thread-safe.
 */
@FunctionalInterface
public interface ExtensionLastResort {
    /** No last resort: the caller gets the failure (486, 480), as before voicemail. */
    ExtensionLastResort NONE = (extension, reason) -> Optional.empty();

    /** The destination for a call to {@code extension} that fails for {@code reason}, if any. */
    Optional<Destination> forExtension(String extension, ForwardReason reason);
}
