/**
 * Turning bytes into SIP messages: {@link org.switchboard.sip.parse.SipParser} reads one message
 * (a UDP datagram or a framed stream message) and {@link org.switchboard.sip.parse.SipFramer} cuts
 * a TCP/TLS byte stream into messages and keep-alives.
 */
package org.switchboard.sip.parse;
