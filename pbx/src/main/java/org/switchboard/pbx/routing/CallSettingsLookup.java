package org.switchboard.pbx.routing;

import org.switchboard.store.callsettings.CallSettings;

/**
 * The forwarding and do-not-disturb settings in force for an extension, answered from memory (no
 * SQL on the call path). Wired to the call-settings service's cache; an interface here because
 * that service already depends on the dial plan, and a dependency back would be a cycle.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface CallSettingsLookup {

    /** The settings of extension {@code number}, the defaults (everything off) when none are saved. */
    CallSettings current(String number);
}
