package org.switchboard.pbx.trunk;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What a node knows of a trunk right now: its registration and why it failed, its health from
 * OPTIONS probes and why it is down, and until when the carrier keeps the registration. Kept in
 * memory per node, never stored. Immutable.
 */
public record TrunkState(Registration registration, Health status, Optional<String> registrationError,
        Optional<String> healthError, Optional<Instant> registeredUntil) {

    /** Where the trunk's registration stands. */
    public enum Registration {
        /** The carrier accepted our REGISTER and the binding has not expired. */
        REGISTERED,
        /** The last REGISTER was refused or unanswered; a retry is scheduled. */
        FAILED,
        /** Not registered: the trunk does not register, or has not yet. */
        UNREGISTERED,
        /** The trunk is disabled. */
        DISABLED;

        /** The API's spelling. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the carrier answers OPTIONS. */
    public enum Health {
        UP, DOWN,
        /** No probes (interval 0, disabled trunk) or no answer yet. */
        UNKNOWN;

        /** The API's spelling. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A disabled trunk's state. */
    public static final TrunkState DISABLED = new TrunkState(Registration.DISABLED, Health.UNKNOWN, Optional.empty(),
            Optional.empty(), Optional.empty());
    /** An enabled trunk before its first REGISTER or probe has an answer. */
    public static final TrunkState STARTING = new TrunkState(Registration.UNREGISTERED, Health.UNKNOWN,
            Optional.empty(), Optional.empty(), Optional.empty());

    /** The error to show: why the registration failed, else why the trunk is down; empty when all is well. */
    public Optional<String> lastError() {
        return registrationError.or(() -> healthError);
    }

    TrunkState withRegistration(Registration r, Optional<String> error, Optional<Instant> until) {
        return new TrunkState(r, status, error, healthError, until);
    }

    TrunkState withStatus(Health h, Optional<String> error) {
        return new TrunkState(registration, h, registrationError, error, registeredUntil);
    }
}
