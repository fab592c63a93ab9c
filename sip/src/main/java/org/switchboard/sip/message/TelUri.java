package org.switchboard.sip.message;

/**
 * A {@code tel:} URI (RFC 3966): a global ({@code +}...) or local number with parameters such as
 * {@code phone-context}. Immutable; any thread may use it.
 */
public record TelUri(String number, Parameters parameters) implements Uri {

    public TelUri {
        if (number.isEmpty()) {
            throw new SipParseException("Empty telephone number");
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || "+-.()*#".indexOf(c) >= 0;
            if (!ok) {
                throw new SipParseException("Invalid telephone number");
            }
        }
    }

    static TelUri parse(String text) {
        int semi = text.indexOf(';', 4);
        int end = semi < 0 ? text.length() : semi;
        return new TelUri(text.substring(4, end), Parameters.parseUriParams(text, end, text.length()));
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** Whether the number is global ({@code +} prefix, RFC 3966 §5.1.4). */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The number without visual separators ({@code -.()}), as RFC 3966 §4 compares it. */
    public String digits() {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if ("-.()".indexOf(c) < 0) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** RFC 3966 §4: same digits, and the same parameters regardless of order (values ignore case). */
    @Override
    public boolean isEquivalentTo(Uri other) {
        if (!(other instanceof TelUri t) || !t.digits().equals(digits()) || t.parameters.size() != parameters.size()) {
            return false;
        }
        for (Parameter p : parameters.asList()) {
            if (!t.parameters.has(p.name())
                    || !t.parameters.get(p.name()).map(String::toLowerCase)
                            .equals(p.value().map(String::toLowerCase))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "tel:" + number + parameters;
    }
}
