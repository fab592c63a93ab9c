package org.switchboard.pbx.registrar;

import java.util.List;
import java.util.OptionalLong;

/**
 * What one authenticated REGISTER does to an extension's bindings, decided by {@link
 * BindingRules}. Immutable.
 */
sealed interface BindingUpdate {

    /** The request fails and nothing changes. */
    record Rejected(int status, String reason, OptionalLong minExpiresSeconds) implements BindingUpdate {
        static Rejected of(int status, String reason) {
            return new Rejected(status, reason, OptionalLong.empty());
        }
    }

    /**
     * The request succeeds. {@code added} are contacts not bound before, {@code refreshed} are
     * bound contacts with a new expiry, {@code removed} are bindings that go (expires 0, {@code *},
     * or pushed out by the contact limit).
     */
    record Accepted(List<Binding> added, List<Binding> refreshed, List<Binding> removed) implements BindingUpdate {
        public Accepted {
            added = List.copyOf(added);
            refreshed = List.copyOf(refreshed);
            removed = List.copyOf(removed);
        }

        /** A new or removed binding changes meaning: it is written through before the 200 OK. */
        boolean needsWriteThrough() {
            return !added.isEmpty() || !removed.isEmpty();
        }

        /** Whether the REGISTER bound at least one contact (a phone to record in registered_phones). */
        boolean bindsContacts() {
            return !added.isEmpty() || !refreshed.isEmpty();
        }
    }
}
