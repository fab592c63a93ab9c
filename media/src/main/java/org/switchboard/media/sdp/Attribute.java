package org.switchboard.media.sdp;

import java.util.Optional;

/**
 * An SDP attribute line (RFC 4566 §5.13): a property {@code a=name} or a value {@code a=name:value}.
 *
 * <p>Immutable: any thread may use it.
 */
public record Attribute(String name, Optional<String> value) {
    /** Validates the name (a token without ':') and the value. */
    public Attribute {
        SdpText.token("attribute name", name);
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("attribute name contains ':': " + name);
        }
        value.ifPresent(v -> SdpText.lineSafe("attribute " + name, v));
    }

    /** A property attribute such as {@code a=sendonly}. */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** A value attribute such as {@code a=ptime:20}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    String toLine() {
        return value.map(v -> "a=" + name + ":" + v).orElse("a=" + name);
    }
}
