package org.switchboard.pbx.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads maker, model, firmware and (when present) the MAC address out of a phone's
 * User-Agent header value (RFC 3261 §20.41); stateless, any thread.
 *
 * <p>Each maker writes it its own way, and only some include the MAC:
 * <ul>
 *   <li>Yealink {@code Yealink SIP-T46S 66.86.0.15}, with the MAC appended when the phone's
 *       "MAC in User-Agent" option is on;
 *   <li>Fanvil {@code Fanvil X4U 2.12.1.5 0c383e123456};
 *   <li>Grandstream {@code Grandstream GXP2170 1.0.11.3}, some firmware appending the MAC, and
 *       the HTTP form {@code Grandstream Model HW GXP2170 SW 1.0.11.3 DevId 000b82123456};
 *   <li>Cisco SPA {@code Cisco/SPA504G-7.6.2f} (no MAC), multiplatform phones
 *       {@code Cisco/CP-8841-3PCC-11.3.2 (a4b239123456)} with the MAC in parentheses;
 *   <li>Polycom {@code PolycomVVX-VVX_450-UA/6.3.1.8427} (no MAC);
 *   <li>Snom {@code snomD785/10.1.39.11} (no MAC), the HTTP form
 *       {@code snomD785-SIP 10.1.39.11 ...; 000413123456}.
 * </ul>
 * Anything else yields {@link PhoneIdentity#UNKNOWN} apart from a MAC-looking token, which is
 * kept whoever sent it. Never throws on odd input: this is a hint from the network.
 */
public final class UserAgentIdentity {

    private record Form(Vendor vendor, Pattern pattern) {}

    private static final String FW = "(?<fw>\\d+(?:\\.\\w+){1,4})";

    private static final List<Form> FORMS = List.of(
            new Form(Vendor.YEALINK, Pattern.compile(
                    "^Yealink\\s+(?:SIP[-\\s]?)?(?:VP-)?(?<model>[A-Z0-9][\\w-]*)\\s+" + FW,
                    Pattern.CASE_INSENSITIVE)),
            new Form(Vendor.FANVIL, Pattern.compile(
                    "^Fanvil\\s+(?<model>[A-Z0-9][\\w-]*)\\s+" + FW, Pattern.CASE_INSENSITIVE)),
            new Form(Vendor.GRANDSTREAM, Pattern.compile(
                    "^Grandstream\\s+Model\\s+HW\\s+(?<model>[\\w-]+)\\s+SW\\s+" + FW,
                    Pattern.CASE_INSENSITIVE)),
            new Form(Vendor.GRANDSTREAM, Pattern.compile(
                    "^Grandstream\\s+(?<model>[A-Z]+-?\\d+\\w*)\\s+(?:V\\S+\\s+)?" + FW,
                    Pattern.CASE_INSENSITIVE)),
            new Form(Vendor.CISCO, Pattern.compile(
                    "^(?:Cisco|Linksys)/(?<model>CP-\\d{4}-3PCC|CP-\\d{4}|SPA\\w+?|PAP2T|ATA\\d+)-(?<fw>[^\\s(]+(?:\\(\\w{1,3}\\))?)",
                    Pattern.CASE_INSENSITIVE)),
            new Form(Vendor.POLYCOM, Pattern.compile(
                    "^Polycom(?:VVX|SoundPointIP|SoundStationIP|RealPresenceTrio)-(?<model>[A-Za-z]+_\\d+\\w*)-UA/" + FW)),
            new Form(Vendor.SNOM, Pattern.compile(
                    "\\bsnom(?<model>[A-Z]?\\d\\w*)(?:/|-SIP\\s+)" + FW, Pattern.CASE_INSENSITIVE)));

    // Tokens are split on blanks and the punctuation vendors wrap a MAC in: "(mac)", "[mac]", "; mac".
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s()\\[\\];,<>]+");
    private static final Pattern MAC_LABEL = Pattern.compile("^(?i:mac|devid)[:=]");

    // Real User-Agents are well under 200 characters; reading only the start bounds the regex
    // work on a hostile header (SIP allows headers of many kilobytes).
    private static final int MAX_LENGTH = 256;

    private UserAgentIdentity() {}

    /** The identity a User-Agent value reveals; {@link PhoneIdentity#UNKNOWN} for an empty or unknown one. */
    public static PhoneIdentity parse(String userAgent) {
        String ua = userAgent.length() > MAX_LENGTH ? userAgent.substring(0, MAX_LENGTH).strip() : userAgent.strip();
        Optional<MacAddress> mac = macIn(ua);
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(ua);
            if (m.find()) {
                String written = m.group("model");
                String model = PhoneModels.canonical(form.vendor(), written).orElse(written);
                return new PhoneIdentity(Optional.of(form.vendor()), Optional.of(model),
                        Optional.of(m.group("fw")), mac);
            }
        }
        return new PhoneIdentity(Optional.empty(), Optional.empty(), Optional.empty(), mac);
    }

    private static Optional<MacAddress> macIn(String ua) {
        for (String token : TOKEN_SEPARATORS.split(ua)) {
            Optional<MacAddress> mac = MacAddress.tryParse(MAC_LABEL.matcher(token).replaceFirst(""));
            if (mac.isPresent()) {
                return mac;
            }
        }
        return Optional.empty();
    }
}
