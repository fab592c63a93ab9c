package org.switchboard.pbx.stirshaken;

import java.net.URI;
import java.util.Optional;

/**
 * An RFC 8224 {@code Identity} header value: the compact JWS of the PASSporT, then the {@code
 * info} URL of the signer's certificate, the algorithm and the PASSporT type, as in {@code
 * eyJ...;info=<https://cert.example.net/sp.pem>;alg=ES256;ppt=shaken}. Immutable; any thread.
 */
public record IdentityHeader(String jws, URI info, String alg, String ppt) {
    /** The header's name (RFC 8224 §4). */
    public static final String NAME = "Identity";

    /** The header value as sent. */
    @Override
    public String toString() {
        return jws + ";info=<" + info + ">;alg=" + alg + ";ppt=" + ppt;
    }

    /**
     * Parses a header value; empty when it is not one (no JWS, no {@code info}). {@code alg}
     * defaults to ES256 and {@code ppt} to the JWS header's value when absent (RFC 8224 §4.1),
     * which the verifier then checks.
     */
    public static Optional<IdentityHeader> parse(String value) {
        String[] parts = value.strip().split(";");
        String jws = parts[0].strip();
        if (jws.isEmpty() || jws.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        URI info = null;
        String alg = "ES256";
        String ppt = "";
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String v = unquote(param.substring(eq + 1).strip());
            switch (name) {
                case "info" -> info = infoUri(v);
                case "alg" -> alg = v;
                case "ppt" -> ppt = v;
                default -> { } // RFC 8224 §4: unknown parameters are ignored
            }
        }
        return info == null ? Optional.empty() : Optional.of(new IdentityHeader(jws, info, alg, ppt));
    }

    private static URI infoUri(String text) {
        if (!text.startsWith("<") || !text.endsWith(">")) {
            return null;
        }
        try {
            return URI.create(text.substring(1, text.length() - 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
