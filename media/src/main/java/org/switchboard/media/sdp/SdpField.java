package org.switchboard.media.sdp;

/**
 * An SDP line kept as text because the PBX does not interpret it (i=, u=, e=, p=, b=, t=, r=, z=, k=).
 *
 * <p>Immutable: any thread may use it.
 */
public record SdpField(char type, String value) {
    /** Validates that the type is one of the kept letters and the value fits on one line. */
    public SdpField {
        if ("iuepbtrzk".indexOf(type) < 0) {
            throw new IllegalArgumentException("not a kept SDP field type: " + type);
        }
        SdpText.lineSafe("field " + type, value);
    }

    String toLine() {
        return type + "=" + value;
    }
}
