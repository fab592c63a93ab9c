package org.switchboard.sip.message;

/**
 * A SIP method name (RFC 3261 §7.1). Methods are case-sensitive and open-ended, so this is a record
 * with well-known constants rather than an enum: a {@code PUBLISH} from a newer phone is still a
 * method. Immutable; any thread may use it.
 */
public record SipMethod(String name) {
    public static final SipMethod INVITE = new SipMethod("INVITE");
    public static final SipMethod ACK = new SipMethod("ACK");
    public static final SipMethod BYE = new SipMethod("BYE");
    public static final SipMethod CANCEL = new SipMethod("CANCEL");
    public static final SipMethod REGISTER = new SipMethod("REGISTER");
    public static final SipMethod OPTIONS = new SipMethod("OPTIONS");
    public static final SipMethod INFO = new SipMethod("INFO");
    public static final SipMethod PRACK = new SipMethod("PRACK");
    public static final SipMethod UPDATE = new SipMethod("UPDATE");
    public static final SipMethod SUBSCRIBE = new SipMethod("SUBSCRIBE");
    public static final SipMethod NOTIFY = new SipMethod("NOTIFY");
    public static final SipMethod REFER = new SipMethod("REFER");
    public static final SipMethod MESSAGE = new SipMethod("MESSAGE");
    public static final SipMethod PUBLISH = new SipMethod("PUBLISH");

    private static final java.util.Set<String> WELL_KNOWN = java.util.Set.of("INVITE", "ACK", "BYE", "CANCEL",
            "REGISTER", "OPTIONS", "INFO", "PRACK", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH");

    /** @throws SipParseException when {@code name} is not a token (RFC 3261 §25.1) */
    public SipMethod {
        if (!Syntax.isToken(name)) {
            throw new SipParseException("Invalid method");
        }
    }

    /** The method named {@code name}, reusing the well-known constant when there is one. */
    public static SipMethod of(String name) {
        return switch (name) {
            case "INVITE" -> INVITE;
            case "ACK" -> ACK;
            case "BYE" -> BYE;
            case "CANCEL" -> CANCEL;
            case "REGISTER" -> REGISTER;
            case "OPTIONS" -> OPTIONS;
            case "INFO" -> INFO;
            case "PRACK" -> PRACK;
            case "UPDATE" -> UPDATE;
            case "SUBSCRIBE" -> SUBSCRIBE;
            case "NOTIFY" -> NOTIFY;
            case "REFER" -> REFER;
            case "MESSAGE" -> MESSAGE;
            case "PUBLISH" -> PUBLISH;
            default -> new SipMethod(name);
        };
    }

    /** Whether this is one of the methods named by the constants above, which RFCs define. */
    public boolean isWellKnown() {
        return WELL_KNOWN.contains(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
