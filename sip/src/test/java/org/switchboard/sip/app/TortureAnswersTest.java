package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * What a running stack ANSWERS to each RFC 4475 §3.1.2 (invalid) and §3.3 (application-layer)
 * torture message (and that the §3.1.1 valid ones are processed), and to the malformed requests of issue 12, sent over real UDP and TCP: the
 * status the RFC names, never a 2xx, and silence only where no answer can be routed (responses,
 * a request without Via) or the RFC says to wait (a TCP stream whose body has not all arrived).
 * The application behind the stack stands in for the PBX: OPTIONS 200, REGISTER challenged 401
 * after reading its Contacts, INVITE 486; what reaches it shows in those statuses.
 */
class TortureAnswersTest {
    private static final int SILENT = 0;
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)\\s*:\\s*(\\S+)");
    private static SipStack stack;
    private static final StackCounters counters = new StackCounters();

    @BeforeAll
    static void start() {
        MethodRouter router = MethodRouter.builder()
                .on(SipMethod.OPTIONS, tx -> tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag())))
                .on(SipMethod.REGISTER, tx -> {
                    tx.request().contacts(); // as a registrar does: a malformed Contact surfaces here
                    tx.respond(tx.request().createResponse(401).withToTag(RandomTokens.tag()));
                })
                .on(SipMethod.INVITE, tx -> tx.respond(tx.request().createResponse(486).withToTag(RandomTokens.tag())))
                .build();
        SipStackSettings settings = SipStackSettings.of(
                        TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), counters)
                .withUas(UasPolicy.DEFAULTS.withOptionTags("timer").withBodyTypes(SipMethod.INVITE, "application/sdp"));
        stack = SipStack.start(settings, router);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** file under src/test/resources/torture, expected status over UDP and over TCP, a part of the reason phrase. */
    static Stream<Arguments> messages() {
        return Stream.of(
                // RFC 4475 §3.1.1: valid, so processed by the application, never refused as malformed
                Arguments.of("valid/wsinv", 486, 486, ""),
                Arguments.of("valid/intmeth", 405, 405, ""),
                Arguments.of("valid/esc01", 486, 486, ""),
                Arguments.of("valid/escnull", 401, 401, ""),
                Arguments.of("valid/esc02", 405, 405, ""), // RE%47IST%45R is not REGISTER
                Arguments.of("valid/lwsdisp", 200, 200, ""),
                Arguments.of("valid/longreq", 486, 486, ""),
                Arguments.of("valid/dblreq", 401, 401, ""), // the INVITE after the REGISTER is ignored
                Arguments.of("valid/semiuri", 200, 200, ""),
                Arguments.of("valid/transports", 200, 200, ""),
                Arguments.of("valid/mpart01", 405, 405, ""),
                Arguments.of("valid/unreason", SILENT, SILENT, ""), // responses matching nothing
                Arguments.of("valid/noreason", SILENT, SILENT, ""),
                // RFC 4475 §3.1.2: syntactically invalid
                Arguments.of("invalid/badinv01", 400, 400, "Via"),
                Arguments.of("invalid/clerr", 400, SILENT, "Content-Length"), // §3.1.2.2: TCP waits for the rest
                // §3.1.2.3: over TCP the framing error cannot be recovered from: 400, then the connection is closed
                Arguments.of("invalid/ncl", 400, 400, "Content-Length"),
                Arguments.of("invalid/scalar02", 400, 400, "CSeq"),
                Arguments.of("invalid/scalarlg", SILENT, SILENT, ""), // a response: discarded
                Arguments.of("invalid/quotbal", 400, 400, "To"),
                Arguments.of("invalid/ltgtruri", 400, 400, "Request-URI"),
                Arguments.of("invalid/lwsruri", 400, 400, "Request-Line"),
                Arguments.of("invalid/lwsstart", 400, 400, "Request-Line"),
                Arguments.of("invalid/trws", 400, 400, "Request-Line"),
                Arguments.of("invalid/escruri", 400, 400, "Request-URI"),
                Arguments.of("invalid/baddate", 486, 486, ""), // §3.1.2.12: Date unused, so processed
                Arguments.of("invalid/regbadct", 400, 400, ""),
                Arguments.of("invalid/badaspec", 400, 400, "To"),
                Arguments.of("invalid/baddn", 400, 400, "From"),
                Arguments.of("invalid/badvers", 505, 505, "Version"),
                Arguments.of("invalid/mismatch01", 400, 400, "CSeq"),
                Arguments.of("invalid/mismatch02", 501, 501, "CSeq"), // §3.1.2.18: 501 for an unknown method
                Arguments.of("invalid/bigcode", SILENT, SILENT, ""), // a response: discarded
                // RFC 4475 §3.3: application-layer semantics
                Arguments.of("application/insuf", 400, 400, "Missing"),
                Arguments.of("application/unkscm", 416, 416, "Unsupported URI Scheme"),
                Arguments.of("application/novelsc", 416, 416, "Unsupported URI Scheme"),
                Arguments.of("application/unksm2", 400, 400, "To"),
                Arguments.of("application/bext01", 420, 420, "Bad Extension"),
                Arguments.of("application/invut", 415, 415, "Unsupported Media Type"),
                Arguments.of("application/regaut01", 401, 401, ""), // the registrar's challenge
                Arguments.of("application/multi01", 400, 400, "From"),
                Arguments.of("application/mcl01", 400, 400, "Content-Length"),
                Arguments.of("application/bcast", SILENT, SILENT, ""), // a response matching nothing
                Arguments.of("application/zeromf", 200, 200, ""), // §3.3.11: an endpoint processes it
                Arguments.of("application/cparam01", 401, 401, ""),
                Arguments.of("application/cparam02", 401, 401, ""),
                Arguments.of("application/regescrt", 401, 401, ""),
                Arguments.of("application/sdp01", 406, 406, "Not Acceptable"),
                // issue 12: requests tried by hand
                Arguments.of("extra/cseqabc", 400, 400, "CSeq"),
                Arguments.of("extra/cseqhuge", 400, 400, "CSeq"),
                Arguments.of("extra/xyzscheme", 416, 416, "Unsupported URI Scheme"),
                Arguments.of("extra/novia", SILENT, SILENT, ""), // nowhere to send an answer
                // Content-Length past the 64 KiB limit: a datagram is shorter than it says (400);
                // a stream would have to carry it (513 Message Too Large, RFC 3261 §21.5.14)
                Arguments.of("extra/toolarge", 400, 513, ""));
    }

    @ParameterizedTest(name = "{0} over UDP gets {1}")
    @MethodSource("messages")
    void overUdp(String file, int udpStatus, int tcpStatus, String reason) throws Exception {
        try (UdpPeer peer = new UdpPeer()) {
            String message = withTopViaTo(load(file), "127.0.0.1:" + peer.port());
            InetSocketAddress udp = stack.localAddress(Transport.UDP);
            peer.send(message, udp);
            Optional<String> answer = peer.receiveWithin(udpStatus == SILENT ? 300 : 5000);
            while (answer.isPresent() && answer.get().startsWith("SIP/2.0 100 ")) {
                answer = peer.receiveWithin(5000); // an INVITE's 100 Trying: the answer follows
            }
            checkAnswer(file, message, answer, udpStatus, reason);
        }
    }

    @ParameterizedTest(name = "{0} over TCP gets {2}")
    @MethodSource("messages")
    void overTcp(String file, int udpStatus, int tcpStatus, String reason) throws Exception {
        try (TcpPeer peer = new TcpPeer(stack.localAddress(Transport.TCP))) {
            String message = load(file);
            peer.send(message);
            Optional<String> answer = peer.receiveWithin(tcpStatus == SILENT ? 300 : 5000);
            while (answer.isPresent() && (answer.get().startsWith("SIP/2.0 100 ") || answersALaterRequest(message, answer.get()))) {
                // an INVITE's 100 Trying: the answer follows; or the answer to the stream's second
                // request (valid/dblreq), which may come first: each Call-ID has its own executor
                answer = peer.receiveWithin(5000);
            }
            checkAnswer(file, message, answer, tcpStatus, reason);
        }
    }

    @ParameterizedTest(name = "INVITE with Accept: {0} gets {1}")
    @CsvSource(delimiter = '|', value = {
        "application/sdp | 486", "application/* | 486", "*/* | 486", "text/html, APPLICATION/SDP;level=1 | 486",
        "text/* | 406", "application/pidf+xml | 406"})
    void acceptIsHonouredWithMediaRangesAndParameters(String accept, int status) throws Exception {
        String invite = load("application/sdp01").replace("Accept: text/nobodyKnowsThis", "Accept: " + accept);
        try (UdpPeer peer = new UdpPeer()) {
            peer.send(withTopViaTo(invite, "127.0.0.1:" + peer.port()), stack.localAddress(Transport.UDP));
            Optional<String> answer = peer.receiveWithin(5000);
            while (answer.isPresent() && answer.get().startsWith("SIP/2.0 100 ")) {
                answer = peer.receiveWithin(5000);
            }
            checkAnswer("sdp01 with Accept: " + accept, invite, answer, status, "");
        }
    }

    private static void checkAnswer(String file, String sent, Optional<String> answer, int status, String reason) {
        if (status == SILENT) {
            assertThat(answer).as("%s must not be answered", file).isEmpty();
            return;
        }
        assertThat(answer).as("answer to %s", file).isPresent();
        String statusLine = answer.get().lines().findFirst().orElse("");
        assertThat(statusLine).as("status line answering %s", file).startsWith("SIP/2.0 " + status + " ");
        assertThat(statusLine.substring(12)).as("reason phrase answering %s", file).contains(reason);
        callId(sent).ifPresent(id -> assertThat(answer.get()).as("answer to %s names its Call-ID", file)
                .contains(id));
    }

    private static Optional<String> callId(String message) {
        Matcher m = CALL_ID.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether {@code answer} names the Call-ID of a request after the first in {@code message}. */
    private static boolean answersALaterRequest(String message, String answer) {
        return CALL_ID.matcher(message).results().skip(1).anyMatch(later -> answer.contains(later.group(1)));
    }

    /**
     * The message with its top Via's sent-by replaced, so the UDP answer (RFC 3261 §18.2.2: to the
     * sent-by port) reaches the test's socket; the rest of the line, faults included, is kept.
     */
    static String withTopViaTo(String message, String sentBy) {
        Matcher m = Pattern.compile("(?im)^((?:Via|v)\\s*:\\s*SIP\\s*/\\s*[0-9.]+\\s*/\\s*)\\S+?(\\s+)[^;,\\s]+")
                .matcher(message);
        return m.find() ? m.replaceFirst("$1UDP$2" + Matcher.quoteReplacement(sentBy)) : message;
    }

    static String load(String name) {
        try (InputStream in = TortureAnswersTest.class.getResourceAsStream("/torture/" + name + ".dat")) {
            assertThat(in).as("torture file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
