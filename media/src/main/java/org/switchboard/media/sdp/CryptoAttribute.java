package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDES {@code a=crypto:<tag> <crypto-suite> <key-params> [<session-params>]} attribute (RFC 4568 §9.1):
 * one way to key SRTP for an {@code RTP/SAVP} stream. Only the {@code inline:} key method exists.
 *
 * <p>Parse faults never quote the key: SDP bodies and their errors reach logs.
 *
 * <p>Immutable: any thread may use it.
 *
 * @param tag the number an answer repeats to say which offered line it accepted (1 to 9 digits)
 * @param suite the crypto suite name, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param keys one or more key parameters (several only with MKIs)
 * @param sessionParameters e.g. {@code KDR=0} or {@code UNENCRYPTED_SRTCP}, kept as text
 */
public record CryptoAttribute(long tag, String suite, List<KeyParameter> keys, List<String> sessionParameters) {
    /** The attribute's name. */
    public static final String NAME = "crypto";

    private static final long MAX_TAG = 999_999_999L;
    private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern LIFETIME = Pattern.compile("(2\\^)?(\\d{1,20})");
    private static final Pattern MKI = Pattern.compile("(\\d{1,19}):(\\d{1,3})");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    /** Validates the fields and copies the lists. */
    public CryptoAttribute {
        if (tag < 0 || tag > MAX_TAG) {
            throw new IllegalArgumentException("crypto tag out of range: " + tag);
        }
        if (!SUITE.matcher(suite).matches()) {
            throw new IllegalArgumentException("crypto suite is not a name: '" + suite + "'");
        }
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a crypto attribute needs a key");
        }
        sessionParameters = List.copyOf(sessionParameters);
        sessionParameters.forEach(p -> SdpText.token("crypto session parameter", p));
    }

    /**
     * One {@code inline:<base64 key||salt>[|<lifetime>][|<MKI value>:<MKI length>]} key parameter.
     *
     * @param keyAndSalt the decoded master key and salt
     * @param lifetime packets the key may protect, when given ({@code 2^n} or a decimal)
     * @param mkiValue the MKI value, when packets carry an MKI
     * @param mkiLength the MKI field's length in bytes (1 to 128), 0 without MKI
     */
    public record KeyParameter(byte[] keyAndSalt, OptionalLong lifetime, OptionalLong mkiValue, int mkiLength) {
        /** Validates the MKI and copies the key. */
        public KeyParameter {
            keyAndSalt = keyAndSalt.clone();
            if (keyAndSalt.length == 0) {
                throw new IllegalArgumentException("empty key");
            }
            if (mkiValue.isPresent() != (mkiLength > 0) || mkiLength > 128) {
                throw new IllegalArgumentException("MKI length must be 1 to 128 with an MKI value, 0 without");
            }
            if (lifetime.isPresent() && lifetime.getAsLong() < 1) {
                throw new IllegalArgumentException("key lifetime must be positive");
            }
        }

        @Override
        public byte[] keyAndSalt() {
            return keyAndSalt.clone();
        }

        /** The MKI as it appears in each packet: the value big-endian in {@code mkiLength} bytes; empty without MKI. */
        public byte[] mkiBytes() {
            byte[] out = new byte[mkiLength];
            long v = mkiValue.orElse(0);
            for (int i = mkiLength - 1; i >= 0 && v != 0; i--, v >>>= 8) {
                out[i] = (byte) v;
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyParameter k && Arrays.equals(keyAndSalt, k.keyAndSalt)
                    && lifetime.equals(k.lifetime) && mkiValue.equals(k.mkiValue) && mkiLength == k.mkiLength;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keyAndSalt);
        }

        /** Never shows the key. */
        @Override
        public String toString() {
            return "KeyParameter[lifetime=" + lifetime + ", mki=" + mkiValue + ":" + mkiLength + "]";
        }

        String toText() {
            StringBuilder out = new StringBuilder("inline:").append(Base64.getEncoder().encodeToString(keyAndSalt));
            lifetime.ifPresent(l -> out.append('|').append(Long.bitCount(l) == 1 ? "2^" + Long.numberOfTrailingZeros(l) : l));
            mkiValue.ifPresent(v -> out.append('|').append(v).append(':').append(mkiLength));
            return out.toString();
        }

        static KeyParameter parse(String text) {
            if (!text.startsWith("inline:")) {
                throw new SdpParseException("crypto key method is not inline");
            }
            String[] parts = text.substring("inline:".length()).split("\\|", -1);
            if (parts.length > 3 || !BASE64.matcher(parts[0]).matches()) {
                throw new SdpParseException("crypto key is not inline:<base64>[|lifetime][|MKI:length]");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new SdpParseException("crypto key is not valid base64");
            }
            OptionalLong lifetime = OptionalLong.empty();
            OptionalLong mki = OptionalLong.empty();
            int mkiLength = 0;
            for (int i = 1; i < parts.length; i++) {
                Matcher m = MKI.matcher(parts[i]);
                Matcher l = LIFETIME.matcher(parts[i]);
                if (m.matches() && mki.isEmpty() && i == parts.length - 1) {
                    mki = OptionalLong.of(parseLong(m.group(1), "MKI value"));
                    mkiLength = Integer.parseInt(m.group(2));
                    if (mkiLength < 1 || mkiLength > 128) {
                        throw new SdpParseException("crypto MKI length must be 1 to 128: " + mkiLength);
                    }
                } else if (l.matches() && lifetime.isEmpty() && i == 1) {
                    long n = parseLong(l.group(2), "key lifetime");
                    if (l.group(1) != null && n > 62) {
                        throw new SdpParseException("crypto key lifetime too large: 2^" + n);
                    }
                    lifetime = OptionalLong.of(l.group(1) != null ? 1L << n : n);
                } else {
                    throw new SdpParseException("crypto key parameter '" + parts[i] + "' is neither a lifetime nor an MKI");
                }
            }
            try {
                return new KeyParameter(key, lifetime, mki, mkiLength);
            } catch (IllegalArgumentException e) {
                throw new SdpParseException("bad crypto key: " + e.getMessage());
            }
        }
    }

    /** An attribute with one key and no session parameters. */
    public static CryptoAttribute of(long tag, String suite, KeyParameter key) {
        return new CryptoAttribute(tag, suite, List.of(key), List.of());
    }

    /** Parses the value of an {@code a=crypto} line (after {@code crypto:}). */
    public static CryptoAttribute parse(String value) {
        String[] fields = value.trim().split("[ \t]+");
        if (fields.length < 3) {
            throw new SdpParseException("crypto attribute is not '<tag> <suite> <key-params> [<session-params>]'");
        }
        if (!fields[0].matches("\\d{1,9}")) {
            throw new SdpParseException("crypto tag is not 1 to 9 digits: '" + fields[0] + "'");
        }
        if (!SUITE.matcher(fields[1]).matches()) {
            throw new SdpParseException("crypto suite is not a name: '" + fields[1] + "'");
        }
        List<KeyParameter> keys = new ArrayList<>();
        for (String key : fields[2].split(";", -1)) {
            keys.add(KeyParameter.parse(key));
        }
        List<String> session = List.of(fields).subList(3, fields.length);
        try {
            return new CryptoAttribute(Long.parseLong(fields[0]), fields[1], keys, session);
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("bad crypto attribute: " + e.getMessage());
        }
    }

    /** The attribute value, as {@link #parse} reads it. */
    public String toAttributeValue() {
        StringBuilder out = new StringBuilder().append(tag).append(' ').append(suite).append(' ');
        for (int i = 0; i < keys.size(); i++) {
            out.append(i == 0 ? "" : ";").append(keys.get(i).toText());
        }
        sessionParameters.forEach(p -> out.append(' ').append(p));
        return out.toString();
    }

    /** The {@code a=crypto} line's attribute. */
    public Attribute toAttribute() {
        return Attribute.of(NAME, toAttributeValue());
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
        return "CryptoAttribute[tag=" + tag + ", suite=" + suite + ", keys=" + keys + ", session=" + sessionParameters + "]";
    }

    private static long parseLong(String digits, String what) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new SdpParseException("crypto " + what + " too large: " + digits);
        }
    }
}
