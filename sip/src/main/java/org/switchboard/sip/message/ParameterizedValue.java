package org.switchboard.sip.message;

/**
 * A header value of the shape {@code value *(;param)}: Event, Content-Type, Replaces,
 * Subscription-State, Session-Expires (RFC 3265 §7.2.1, RFC 3261 §20.15, RFC 3891 §6.1). The
 * leading value is kept as written, without surrounding whitespace. Immutable; any thread may use it.
 */
public record ParameterizedValue(String value, Parameters parameters) {

    public ParameterizedValue {
        if (value.isEmpty()) {
            throw new SipParseException("Empty header value");
        }
    }

    /** Parses {@code value *( SEMI generic-param )}; the value ends at the first ';'. */
    public static ParameterizedValue parse(String s) {
        int semi = s.indexOf(';');
        int end = semi < 0 ? s.length() : semi;
        return new ParameterizedValue(s.substring(0, end).strip(), Parameters.parseHeaderParams(s, end, s.length()));
    }

    @Override
    public String toString() {
        return value + parameters;
    }
}
