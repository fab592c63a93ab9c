package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The building blocks against published test vectors: RFC 3711 Appendix B.2 and B.3, RFC 2202. */
class SrtpPrimitivesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aesCounterModeKeystreamMatchesRfc3711AppendixB2() {
        AesCounterMode aes = new AesCounterMode(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"));
        byte[] iv = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000");
        // the RFC lists blocks 0..2 and 0xfeff..0xff01: the counter runs through several cipher calls
        byte[] stream = new byte[16 * 0xff02];
        aes.apply(iv, stream, 0, stream.length);

        assertThat(block(stream, 0)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4");
        assertThat(block(stream, 1)).isEqualTo("d23513162b02d0f72a43a2fe4a5f97ab");
        assertThat(block(stream, 2)).isEqualTo("41e95b3bb0a2e8dd477901e4fca894c0");
        assertThat(block(stream, 0xfeff)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4");
        assertThat(block(stream, 0xff00)).isEqualTo("362b7c3c6773516318a077d7fc5073ae");
        assertThat(block(stream, 0xff01)).isEqualTo("6a2cc3787889374fbeb4c81b17ba6c44");
    }

    @Test
    void keyDerivationMatchesRfc3711AppendixB3() {
        KeyDerivation kdf = new KeyDerivation(HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"),
                HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));

        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.SRTP_ENCRYPTION, 16)))
                .isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.SRTP_SALT, 14)))
                .isEqualTo("30cbbc08863d8c85d49db34a9ae1");
        assertThat(HEX.formatHex(kdf.derive(KeyDerivation.SRTP_AUTHENTICATION, 20)))
                .isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
    }

    @Test
    void hmacSha1MatchesRfc2202() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        HmacSha1 hmac = new HmacSha1(key);
        byte[] message = "Hi There".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[20];

        for (int round = 0; round < 2; round++) { // reused: the second message starts clean
            hmac.start();
            hmac.update(message, 0, message.length);
            hmac.finish(out, 0);
            assertThat(HEX.formatHex(out)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
        }
    }

    @Test
    void replayWindowAcceptsEachIndexOnceWithinItsWidth() {
        ReplayWindow w = new ReplayWindow();
        w.accept(1000);
        assertThat(w.isFresh(1000)).isFalse();
        assertThat(w.isFresh(999)).isTrue();
        w.accept(999);
        assertThat(w.isFresh(999)).isFalse();
        w.accept(1070); // a shift of more than 64 keeps the bits across the two words
        assertThat(w.isFresh(1000)).isFalse();
        assertThat(w.isFresh(999)).isFalse();
        assertThat(w.isFresh(1001)).isTrue();
        assertThat(w.isFresh(1070 - ReplayWindow.SIZE + 1)).isTrue();
        assertThat(w.isFresh(1070 - ReplayWindow.SIZE)).isFalse(); // too old to tell: refused
        w.accept(5000);
        assertThat(w.isFresh(1070)).isFalse();
        assertThat(w.isFresh(4999)).isTrue();
    }

    private static String block(byte[] stream, int n) {
        return HEX.formatHex(stream, n * 16, n * 16 + 16);
    }
}
