package org.switchboard.sip.parse;

/**
 * One unit cut from a SIP byte stream by {@link SipFramer}: a whole message, or one of the RFC 5626
 * §4.4.1 keep-alives. Immutable; any thread may use it.
 */
public sealed interface Frame permits Frame.Message, Frame.Ping, Frame.Pong {

    /** The bytes of one complete message (start line to end of body), ready for {@link SipParser}. */
    record Message(byte[] bytes) implements Frame {}

    /** A double CRLF keep-alive ping; RFC 5626 §4.4.1 says to answer it with a single CRLF. */
    record Ping() implements Frame {}

    /** A single CRLF: the pong answering our ping. */
    record Pong() implements Frame {}
}
