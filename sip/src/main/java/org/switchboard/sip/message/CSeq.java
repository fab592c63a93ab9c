package org.switchboard.sip.message;

/** The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and a method. Immutable; any thread may use it. */
public record CSeq(long number, SipMethod method) {

    /** RFC 3261 §8.1.1.5: the sequence number MUST be expressible as a 32-bit unsigned integer and less than 2**31. */
    public static final long MAX = (1L << 31) - 1;

    public CSeq {
        if (number < 0 || number > MAX) {
            throw new SipParseException("CSeq out of range");
        }
    }

    /** Parses {@code number LWS method}. */
    public static CSeq parse(String s) {
        int end = s.length();
        int i = Syntax.skipWsp(s, 0, end);
        int start = i;
        while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        long number = Syntax.parseUnsigned(s.substring(start, i), MAX, "CSeq");
        int ws = i;
        i = Syntax.skipWsp(s, i, end);
        if (i == ws) {
            throw new SipParseException("Invalid CSeq");
        }
        String method = s.substring(i).strip();
        if (!Syntax.isToken(method)) {
            throw new SipParseException("Invalid CSeq method");
        }
        return new CSeq(number, SipMethod.of(method));
    }

    @Override
    public String toString() {
        return number + " " + method.name();
    }
}
