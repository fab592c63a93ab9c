package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RTP packets of a classic libpcap capture of Ethernet/IPv4/UDP frames, as SIPp ships them in Debian's
 * {@code sip-tester} ({@code /usr/share/sip-tester/*.pcap}): real packets from real phones for the tests.
 */
final class PcapRtp {
    static final Path SIPP_PCAPS = Path.of("/usr/share/sip-tester");

    private PcapRtp() {}

    /** The capture {@code name} of sip-tester; skipped where SIPp is not installed, a failure in CI. */
    static List<byte[]> sippCapture(String name) {
        Path file = SIPP_PCAPS.resolve(name);
        if (!Files.exists(file)) {
            assertThat(System.getenv("CI")).as("sip-tester must be installed in CI (" + file + ")").isNotEqualTo("true");
            assumeTrue(false, "sip-tester is not installed: " + file + " missing");
        }
        try {
            return read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The UDP payloads of every frame, in capture order. */
    static List<byte[]> read(byte[] pcap) {
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != 0xA1B2C3D4 || in.getInt(20) != 1) {
            throw new IllegalArgumentException("not a little-endian Ethernet pcap");
        }
        List<byte[]> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            int length = in.getInt(at + 8);
            int frame = at + 16;
            int ipHeader = (pcap[frame + 14] & 0x0F) * 4;
            int udpPayload = frame + 14 + ipHeader + 8;
            packets.add(Arrays.copyOfRange(pcap, udpPayload, frame + length));
            at = frame + length;
        }
        return packets;
    }
}
