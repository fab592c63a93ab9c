package org.switchboard.pbx.call;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.rtp.SrtpKeys;
import org.switchboard.media.sdp.Attribute;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.media.srtp.Sdes;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;
import org.switchboard.store.callsettings.MediaEncryption;

/**
 * The SDES-SRTP side (RFC 4568) of one call leg: the PBX terminates SRTP on each leg of the relay, so every
 * description crossing the PBX is read as plain RTP ({@link #fromPhone}) and written for the receiving phone with
 * that leg's own key ({@link #toPhone}). The rest of call control, anchoring and codec choice included, only ever
 * sees {@code RTP/AVP} without crypto lines. The PBX's key for a leg is made once and repeated in every later
 * description, so a renegotiation never restarts a key's packet index; a changed key from the phone rekeys what the
 * relay unprotects.
 *
 * <p>Owned by the call's executor.
 */
final class SdesLeg {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SrtpSuite OFFERED_SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
    private static final long OFFERED_TAG = 1;

    private final MediaEncryption policy;
    private final int mediaIndex;
    private final SrtpMasterKey localKey = SrtpMasterKey.generate(RANDOM);
    private CryptoAttribute offered; // the line the PBX offered first on this leg, until the phone answered
    private boolean negotiated; // the phone has sent a description (an offer, or the answer to ours)
    private Sdes.Choice peer; // the phone's accepted line; null while the leg is plain
    private boolean savp; // the leg's profile is RTP/SAVP, else RTP/AVP (best effort when keyed)
    private String unmet; // why the phone's last description cannot be used under the policy

    SdesLeg(MediaEncryption policy, int mediaIndex) {
        this.policy = policy;
        this.mediaIndex = mediaIndex;
    }

    /**
     * Why {@code offer}, the first offer from a phone under {@code policy}, cannot be answered (for a 488), or
     * empty when it can: checked before a call is set up.
     */
    static Optional<String> refusal(SessionDescription offer, int mediaIndex, MediaEncryption policy) {
        SdesLeg probe = new SdesLeg(policy, mediaIndex);
        probe.fromPhone(offer);
        return probe.unmet();
    }

    /** Why the phone's last description broke the policy, if it did. */
    Optional<String> unmet() {
        return Optional.ofNullable(unmet);
    }

    /** The keys the relay needs for this leg, empty while it is plain. */
    Optional<SrtpKeys> keys() {
        return peer == null ? Optional.empty() : Optional.of(new SrtpKeys(peer.suite(), localKey, peer.peerKey()));
    }

    /** Whether the leg's media is encrypted. */
    boolean isSecure() {
        return peer != null;
    }

    /**
     * Takes a description the phone sent (an offer, or its answer to the PBX's offer): its key is learnt, and it is
     * returned as plain {@code RTP/AVP} without crypto lines. When it breaks the policy, {@link #unmet} says why and
     * the leg stays as it was.
     */
    SessionDescription fromPhone(SessionDescription sdp) {
        if (sdp.media().size() <= mediaIndex) {
            return sdp;
        }
        MediaDescription m = sdp.media().get(mediaIndex);
        unmet = null;
        if (!m.isRejected()) {
            learn(m);
        }
        return replaceStream(sdp, plain(m));
    }

    private void learn(MediaDescription m) {
        boolean secureProfile = m.protocol().equals(MediaDescription.RTP_SAVP);
        Optional<Sdes.Choice> choice;
        if (offered != null && !negotiated) {
            choice = Sdes.fromAnswer(m, List.of(offered)); // the answer to the PBX's first offer
        } else if (policy == MediaEncryption.REFUSE) {
            choice = Optional.empty(); // best-effort crypto lines in RTP/AVP are simply not taken up
        } else {
            choice = Sdes.chooseFromOffer(m);
        }
        if (secureProfile && policy == MediaEncryption.REFUSE) {
            unmet = "encrypted media refused for this extension";
        } else if (secureProfile && choice.isEmpty()) {
            unmet = "no usable SDES crypto suite (AES_CM_128_HMAC_SHA1_80 or _32)";
        } else if (choice.isEmpty() && policy == MediaEncryption.REQUIRE) {
            unmet = "encrypted media (SRTP) required for this extension";
        }
        if (unmet != null) {
            return;
        }
        negotiated = true;
        savp = secureProfile;
        peer = choice.orElse(null);
    }

    /**
     * A description for the phone, made by the rest of call control as plain {@code RTP/AVP}: the PBX's first
     * offer is keyed as the policy says; afterwards the leg's agreed profile and the PBX's key go in when the leg
     * is encrypted, and nothing when it is plain.
     */
    SessionDescription toPhone(SessionDescription plainSdp) {
        if (plainSdp.media().size() <= mediaIndex) {
            return plainSdp;
        }
        MediaDescription m = plain(plainSdp.media().get(mediaIndex));
        if (m.isRejected()) {
            return replaceStream(plainSdp, m);
        }
        if (!negotiated) {
            if (policy == MediaEncryption.REFUSE) {
                return replaceStream(plainSdp, m);
            }
            offered = Sdes.offer(OFFERED_TAG, OFFERED_SUITE, localKey);
            String profile = policy == MediaEncryption.REQUIRE ? MediaDescription.RTP_SAVP : MediaDescription.RTP_AVP;
            return replaceStream(plainSdp, keyed(m, profile, offered));
        }
        if (peer == null) {
            return replaceStream(plainSdp, m);
        }
        String profile = savp ? MediaDescription.RTP_SAVP : MediaDescription.RTP_AVP;
        return replaceStream(plainSdp, keyed(m, profile, Sdes.answer(peer, localKey)));
    }

    /** {@code sdp} with the leg's stream as plain RTP: how the PBX's own offers look before {@link #toPhone}. */
    SessionDescription plain(SessionDescription sdp) {
        return sdp.media().size() <= mediaIndex ? sdp : replaceStream(sdp, plain(sdp.media().get(mediaIndex)));
    }

    private static MediaDescription plain(MediaDescription m) {
        List<Attribute> kept = m.attributes().stream().filter(a -> !a.name().equals(CryptoAttribute.NAME)).toList();
        String protocol = m.protocol().equals(MediaDescription.RTP_SAVP) ? MediaDescription.RTP_AVP : m.protocol();
        return m.withProtocol(protocol).withAttributes(kept);
    }

    private static MediaDescription keyed(MediaDescription plain, String profile, CryptoAttribute line) {
        List<Attribute> attributes = new ArrayList<>(plain.attributes());
        attributes.add(line.toAttribute());
        return plain.withProtocol(profile).withAttributes(attributes);
    }

    private SessionDescription replaceStream(SessionDescription sdp, MediaDescription stream) {
        List<MediaDescription> media = new ArrayList<>(sdp.media());
        media.set(mediaIndex, stream);
        return sdp.withMedia(media);
    }
}
