package org.switchboard.pbx.stirshaken;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The claims of a SHAKEN PASSporT (RFC 8225 §5, RFC 8588 §4): who calls ({@code orig.tn}), whom
 * ({@code dest.tn}), when ({@code iat}, whole seconds), how much the signer vouches for the
 * caller ({@code attest}) and an opaque id of where the call entered the network ({@code
 * origid}). Numbers are canonical ({@link TelephoneNumbers}). Immutable; any thread.
 */
public record PassportClaims(Attestation attest, String origTn, List<String> destTns, Instant iat, UUID origid) {

    public PassportClaims {
        Objects.requireNonNull(attest, "attest");
        Objects.requireNonNull(origid, "origid");
        String given = origTn;
        origTn = TelephoneNumbers.canonical(given)
                .orElseThrow(() -> new IllegalArgumentException("orig.tn is not a telephone number: " + given));
        destTns = destTns.stream().map(n -> TelephoneNumbers.canonical(n)
                .orElseThrow(() -> new IllegalArgumentException("dest.tn is not a telephone number: " + n))).toList();
        if (destTns.isEmpty()) {
            throw new IllegalArgumentException("dest.tn needs at least one number");
        }
        iat = Instant.ofEpochSecond(iat.getEpochSecond());
    }

    /**
     * The JSON of the claims with keys in lexicographic order and no white space, the form RFC
     * 8225 §9 asks for (so two signers of the same claims produce the same payload).
     */
    String toJson() {
        Map<String, Object> json = new TreeMap<>();
        json.put("attest", attest.name());
        json.put("dest", Map.of("tn", destTns));
        json.put("iat", iat.getEpochSecond());
        json.put("orig", Map.of("tn", origTn));
        json.put("origid", origid.toString());
        return JSONObjectUtils.toJSONString(json);
    }

    /** The claims of a verified payload; empty when a SHAKEN claim is missing or malformed. */
    static Optional<PassportClaims> of(Map<String, Object> json) {
        try {
            Optional<Attestation> attest = Attestation.of(json.get("attest"));
            Object iat = json.get("iat");
            Object orig = JSONObjectUtils.getJSONObject(json, "orig").get("tn");
            Map<String, Object> dest = JSONObjectUtils.getJSONObject(json, "dest");
            Object origid = json.get("origid");
            if (attest.isEmpty() || !(iat instanceof Number seconds) || !(orig instanceof String origTn)
                    || dest == null || !(dest.get("tn") instanceof List<?> destTns) || !(origid instanceof String id)
                    || !destTns.stream().allMatch(String.class::isInstance)) {
                return Optional.empty();
            }
            return Optional.of(new PassportClaims(attest.get(), origTn, destTns.stream().map(String.class::cast).toList(),
                    Instant.ofEpochSecond(seconds.longValue()), UUID.fromString(id)));
        } catch (java.text.ParseException | RuntimeException e) {
            return Optional.empty(); // a claim of the wrong type or a number with letters: not a SHAKEN PASSporT
        }
    }
}
