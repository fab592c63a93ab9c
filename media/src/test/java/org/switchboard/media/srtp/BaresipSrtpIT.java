package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;

/**
 * Interoperability with an independent SRTP implementation: Debian's baresip, whose {@code srtp} module
 * (libre's SRTP over OpenSSL's AES) requires SDES-SRTP. A bare SIP exchange sets up the call; then this side
 * sends a 1 kHz tone as SRTP (its sequence numbers wrap past 65535, so baresip must track our ROC) plus
 * SRTCP sender reports, and unprotects baresip's 400 Hz tone and its SRTCP. Proof both ways: baresip's
 * recording of what it decrypted holds the 1 kHz tone, and our decrypted audio holds 400 Hz.
 */
class BaresipSrtpIT {
    private static final int SECONDS = 4;
    private static final Duration SIP_TIMEOUT = Duration.ofSeconds(10);

    private final SecureRandom random = new SecureRandom();
    private BaresipPhone phone;
    private SipPeer sip;
    private SrtpAudioPeer media;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(BaresipPhone.installed(), "baresip with its srtp module is not installed");
        String build = System.getenv().getOrDefault("SWITCHBOARD_BUILD_DIR", System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(Files.createDirectories(Path.of(build, "baresip")), "srtp-");
        phone = BaresipPhone.start(folder, freeUdpPort(), 400);
        sip = new SipPeer();
        media = new SrtpAudioPeer();
    }

    @AfterEach
    void stop() throws Exception {
        if (media != null) {
            media.close();
        }
        if (sip != null) {
            sip.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpSuite.class)
    void baresipAnswersOurSrtpOfferAndAudioPassesBothWays(SrtpSuite suite) throws Exception {
        SrtpMasterKey ours = SrtpMasterKey.generate(random);
        CryptoAttribute offered = Sdes.offer(1, suite, ours);
        String answer = sip.invite("sip:bob@127.0.0.1:" + phone.sipPort(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), phone.sipPort()),
                sdp(media.rtpPort(), offered), SIP_TIMEOUT);

        MediaDescription audio = SdpParser.parse(answer).media().get(0);
        assertThat(audio.protocol()).isEqualTo(MediaDescription.RTP_SAVP);
        Sdes.Choice theirs = Sdes.fromAnswer(audio, List.of(offered)).orElseThrow(
                () -> new AssertionError("no matching a=crypto in baresip's answer:\n" + answer));
        assertThat(theirs.suite()).isEqualTo(suite);

        talkAndCheck(ours, theirs, address(SdpParser.parse(answer), audio));
    }

    @Test
    void weAnswerBaresipsSrtpOfferAndAudioPassesBothWays() throws Exception {
        SrtpMasterKey ours = SrtpMasterKey.generate(random);
        Sdes.Choice[] chosen = new Sdes.Choice[1];
        phone.dial("sip:srtp-test@127.0.0.1:" + sip.port());
        String offer = sip.answer(o -> {
            MediaDescription audio = SdpParser.parse(o).media().get(0);
            chosen[0] = Sdes.chooseFromOffer(audio).orElseThrow(
                    () -> new AssertionError("no usable a=crypto in baresip's offer:\n" + o));
            return sdp(media.rtpPort(), Sdes.answer(chosen[0], ours));
        }, SIP_TIMEOUT);
        phone.awaitLog("Call established", SIP_TIMEOUT);

        SessionDescription parsed = SdpParser.parse(offer);
        talkAndCheck(ours, chosen[0], address(parsed, parsed.media().get(0)));
    }

    private void talkAndCheck(SrtpMasterKey ours, Sdes.Choice theirs, InetSocketAddress rtp) throws Exception {
        SrtpContext tx = new SrtpContext(theirs.suite(), ours);
        SrtpContext rx = new SrtpContext(theirs.suite(), theirs.peerKey());

        media.talk(tx, rx, rtp, 1000, SECONDS);
        sip.bye();
        phone.awaitLog("terminated", SIP_TIMEOUT);

        // baresip decrypted our SRTP (through the ROC wrap) and heard our tone
        short[] heard = phone.decoded().firstChannel();
        assertThat(heard.length).as("samples baresip decoded").isGreaterThan(8000 * (SECONDS - 1));
        assertThat(tonePower(heard, 1000)).as("1 kHz in baresip's recording; " + phone.folder()).isGreaterThan(0.5);
        assertThat(phone.log()).doesNotContain("failed to decrypt RTP");
        // we decrypted baresip's SRTP and heard its tone
        assertThat(media.rtpRejected.get()).as("rejected: %s", media.rejections).isZero();
        assertThat(media.rtpUnprotected.get()).isGreaterThan(50 * (SECONDS - 1));
        assertThat(tonePower(media.received(), 400)).as("400 Hz from baresip").isGreaterThan(0.5);
        if (theirs.suite() == SrtpSuite.AES_CM_128_HMAC_SHA1_32) {
            // libre (baresip 1.0) shortens the SRTCP tag to 32 bits with this suite too; RFC 4568 §6.2.2 keeps
            // it at 80, as we and libsrtp do: SRTCP does not interoperate with this suite (docs/srtp.md)
            return;
        }
        assertThat(phone.log()).doesNotContain("failed to decrypt RTCP");
        // the one RTCP packet refused is libre's clear-text APP "PINGPONG" (PT 204) it sends to open NAT
        // pinholes: not SRTCP, too short to be, and refused like any unauthenticated packet
        assertThat(media.rejections).allMatch(r -> r.startsWith("rtcp " + SrtpContext.MALFORMED + " 80cc")
                && r.endsWith(HexFormat.of().formatHex("PINGPONG".getBytes(StandardCharsets.US_ASCII))));
        assertThat(media.rtcpUnprotected.get()).as("SRTCP reports from baresip").isPositive();
    }

    /** The share of the signal's energy at {@code hz}, over 400-sample blocks in the middle second. */
    private static double tonePower(short[] pcm, double hz) {
        Goertzel g = new Goertzel(hz, 8000);
        int from = pcm.length / 2 - 4000;
        double sum = 0;
        int blocks = 0;
        for (int at = Math.max(0, from); at + 400 <= Math.min(pcm.length, from + 8000); at += 400, blocks++) {
            sum += g.relativePower(pcm, at, 400);
        }
        return blocks == 0 ? 0 : sum / blocks;
    }

    private static String sdp(int rtpPort, CryptoAttribute crypto) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpPort + " RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n"
                + "a=crypto:" + crypto.toAttributeValue() + "\r\n";
    }

    private static InetSocketAddress address(SessionDescription sdp, MediaDescription audio) {
        return new InetSocketAddress(sdp.connectionOf(audio).orElseThrow().address(), audio.port());
    }

    /**
     * A SIP port for baresip, which binds UDP and TCP on it and TLS on the next: all three free,
     * taken from 20100-28999, outside the kernel's ephemeral range, so no other bind(0) is handed it
     * before baresip binds it (it once failed to start with "Address already in use").
     */
    private static int freeUdpPort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_100 + ThreadLocalRandom.current().nextInt(8_800);
            InetAddress loopback = InetAddress.getLoopbackAddress();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port));
                    ServerSocket tcp = new ServerSocket(port, 1, loopback);
                    ServerSocket tls = new ServerSocket(port + 1, 1, loopback)) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free SIP port for baresip in 20100-28999");
    }
}
