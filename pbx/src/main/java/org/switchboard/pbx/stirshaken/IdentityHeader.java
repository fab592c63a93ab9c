package org.switchboard.pbx.stirshaken;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        List<String> parts = parameters(value.strip());
        String jws = parts.getFirst().strip();
        if (jws.isEmpty() || jws.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        URI info = null;
        String alg = "ES256";
        String ppt = "";
        for (String part : parts.subList(1, parts.size())) {
            String param = part.strip();
            int eq = param.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = param.substring(0, eq).strip().toLowerCase(Locale.ROOT);
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

    /** The text split at each {@code ;} outside {@code <...>} and quotes (an info URL may hold a {@code ;}). */
    private static List<String> parameters(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean inAngle = false;
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && !inAngle) {
                inQuote = !inQuote;
            } else if (!inQuote && (c == '<' || c == '>')) {
                inAngle = c == '<';
            } else if (c == ';' && !inAngle && !inQuote) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
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
