package org.switchboard.sip.message;

import java.util.Optional;

/**
 * One {@code ;name[=value]} parameter of a header value or URI. The value is kept as written
 * (a quoted string keeps its quotes); absent for a flag such as {@code ;lr}. Immutable; any thread may use it.
 */
public record Parameter(String name, Optional<String> value) {
    public Parameter {
        if (name.isEmpty()) {
            throw new SipParseException("Empty parameter name");
        }
    }

    @Override
    public String toString() {
        return value.map(v -> name + "=" + v).orElse(name);
    }
}
