package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.SdpParseException;

class SrtpProperties {
    private static final SrtpMasterKey KEY = SrtpMasterKey.of(new byte[30]);

    @Property
    void anyRtpPacketSurvivesTheRoundTrip(@ForAll @Size(max = 300) byte[] payload,
            @ForAll @IntRange(max = 15) int csrcs, @ForAll @IntRange(max = 65535) int seq, @ForAll int ssrc,
            @ForAll boolean shortTag) {
        SrtpSuite suite = shortTag ? SrtpSuite.AES_CM_128_HMAC_SHA1_32 : SrtpSuite.AES_CM_128_HMAC_SHA1_80;
        byte[] plain = new byte[12 + 4 * csrcs + payload.length];
        plain[0] = (byte) (0x80 | csrcs);
        plain[2] = (byte) (seq >>> 8);
        plain[3] = (byte) seq;
        plain[8] = (byte) (ssrc >>> 24);
        plain[11] = (byte) ssrc;
        System.arraycopy(payload, 0, plain, 12 + 4 * csrcs, payload.length);
        SrtpContext tx = new SrtpContext(suite, KEY);
        byte[] p = Arrays.copyOf(plain, plain.length + tx.rtpOverhead());

        int length = tx.protectRtp(p, 0, plain.length);

        assertThat(new SrtpContext(suite, KEY).unprotectRtp(p, 0, length)).isEqualTo(plain.length);
        assertThat(Arrays.copyOf(p, plain.length)).isEqualTo(plain);
    }

    @Property
    void arbitraryBytesAreRefusedWithAStatusNeverAnException(@ForAll @Size(max = 200) byte[] data,
            @ForAll boolean rtcp) {
        SrtpContext rx = new SrtpContext(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
        int result = rtcp ? rx.unprotectRtcp(data, 0, data.length) : rx.unprotectRtp(data, 0, data.length);
        assertThat(result).isNegative(); // an 80-bit tag is not guessed
    }

    @Property
    void anyCryptoLineParsesOrGivesATypedError(@ForAll @StringLength(max = 120) String text) {
        for (String line : new String[] {text, "1 AES_CM_128_HMAC_SHA1_80 inline:" + text}) {
            try {
                CryptoAttribute parsed = CryptoAttribute.parse(line);
                assertThat(CryptoAttribute.parse(parsed.toAttributeValue())).isEqualTo(parsed);
            } catch (SdpParseException expected) {
                // the typed error is the contract
            }
        }
    }
}
