package org.switchboard.media.srtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of a SIP user agent over UDP on 127.0.0.1 to set up one call with a real phone and tear it
 * down: INVITE/ACK/BYE as caller, answer an INVITE as callee. It keeps no transaction state and retransmits
 * nothing (loopback loses nothing); the media module has no SIP stack to borrow.
 */
final class SipPeer implements AutoCloseable {
    private static final Pattern HEADER_END = Pattern.compile("\r\n\r\n");

    private final DatagramSocket socket;
    private String callId = UUID.randomUUID() + "@127.0.0.1";
    private final String localTag = Long.toHexString(System.nanoTime());
    private String localUri;
    private String remoteUri;
    private String remoteTag = "";
    private String remoteTarget;
    private InetSocketAddress remote;
    private int cseq = 1;

    SipPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        localUri = "sip:srtp-test@127.0.0.1:" + port();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Sends an INVITE with {@code sdp} and waits for the final response; returns its body (the answer). */
    String invite(String target, InetSocketAddress to, String sdp, Duration timeout) throws IOException {
        remote = to;
        remoteUri = target;
        remoteTarget = target;
        send(request("INVITE", target, sdp));
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String m = receive(deadline);
            String status = m.substring(0, m.indexOf("\r\n"));
            if (!status.startsWith("SIP/2.0 ") || !header(m, "CSeq").endsWith("INVITE")) {
                continue;
            }
            int code = Integer.parseInt(status.substring(8, 11));
            if (code < 200) {
                continue;
            }
            if (code >= 300) {
                throw new AssertionError("the phone refused the call: " + status);
            }
            remoteTag = tagOf(header(m, "To"));
            remoteTarget = uriOf(header(m, "Contact"));
            send(request("ACK", remoteTarget, ""));
            return body(m);
        }
    }

    /** Waits for an INVITE, answers it 200 with the SDP {@code answer} makes from its offer; returns the offer. */
    String answer(UnaryOperator<String> answer, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        String invite;
        do {
            invite = receive(deadline);
        } while (!invite.startsWith("INVITE "));
        remoteTag = tagOf(header(invite, "From"));
        remoteUri = uriOf(header(invite, "From"));
        localUri = uriOf(header(invite, "To"));
        remoteTarget = uriOf(header(invite, "Contact"));
        callId = header(invite, "Call-ID");
        String offer = body(invite);
        String sdp = answer.apply(offer);
        send("SIP/2.0 200 OK\r\n"
                + "Via: " + header(invite, "Via") + "\r\n"
                + "From: " + header(invite, "From") + "\r\n"
                + "To: " + header(invite, "To") + ";tag=" + localTag + "\r\n"
                + "Call-ID: " + header(invite, "Call-ID") + "\r\n"
                + "CSeq: " + header(invite, "CSeq") + "\r\n"
                + "Contact: <sip:srtp-test@127.0.0.1:" + port() + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + sdp);
        return offer;
    }

    /** Ends the call with BYE (the phone's 200 is not awaited). */
    void bye() throws IOException {
        cseq++;
        send(request("BYE", remoteTarget, ""));
    }

    private String request(String method, String uri, String body) {
        String from = "<" + localUri + ">;tag=" + localTag;
        String to = "<" + remoteUri + ">" + (remoteTag.isEmpty() ? "" : ";tag=" + remoteTag);
        int seq = method.equals("ACK") ? 1 : cseq;
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";rport;branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " " + method + "\r\n"
                + "Contact: <sip:srtp-test@127.0.0.1:" + port() + ">\r\n"
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, remote));
    }

    private String receive(Instant deadline) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
        while (true) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("no SIP message from the phone in time");
            }
            socket.setSoTimeout((int) left);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            remote = (InetSocketAddress) p.getSocketAddress();
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String message, String name) {
        Matcher m = Pattern.compile("^" + name + ":[ \\t]*([^\r\n]*)", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE)
                .matcher(message);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in\n" + message);
        }
        return m.group(1);
    }

    private static String body(String message) {
        Matcher m = HEADER_END.matcher(message);
        return m.find() ? message.substring(m.end()) : "";
    }

    private static String tagOf(String nameAddr) {
        Matcher m = Pattern.compile(";tag=([^;>\\s]+)").matcher(nameAddr);
        return m.find() ? m.group(1) : "";
    }

    private static String uriOf(String nameAddr) {
        int lt = nameAddr.indexOf('<');
        return lt >= 0 ? nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt)) : nameAddr.split(";")[0].trim();
    }

    @Override
    public void close() {
        socket.close();
    }
}
