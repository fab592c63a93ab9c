package org.switchboard.pbx.provisioning;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The phone models Switchboard ships templates for, per vendor; immutable, any thread.
 *
 * <p>Model names are matched loosely (case, blanks, dashes and underscores ignored, and the
 * prefixes vendors put in front of them such as Yealink's {@code SIP-} and Polycom's
 * {@code VVX_}) and returned in their canonical spelling, so {@code sip-t46s}, {@code T46S}
 * and {@code t46 s} all name the Yealink T46S.
 */
public final class PhoneModels {

    private static final Map<Vendor, List<String>> MODELS = new EnumMap<>(Map.of(
            Vendor.YEALINK, List.of("T31P", "T31G", "T33G", "T42U", "T43U", "T46S", "T46U", "T48S",
                    "T48U", "T53", "T53W", "T54W", "T57W", "T58W", "W60B", "W70B", "CP920", "CP965"),
            Vendor.POLYCOM, List.of("VVX 150", "VVX 250", "VVX 350", "VVX 450", "VVX 501", "VVX 601",
                    "SoundPoint IP 331", "SoundPoint IP 550", "SoundStation IP 6000"),
            Vendor.GRANDSTREAM, List.of("GXP1610", "GXP1625", "GXP1630", "GXP2130", "GXP2135",
                    "GXP2140", "GXP2160", "GXP2170", "GRP2612", "GRP2613", "GRP2614", "GRP2615",
                    "GRP2616", "HT801", "HT802", "HT812", "HT814"),
            Vendor.CISCO, List.of("SPA303", "SPA502G", "SPA504G", "SPA508G", "SPA509G", "SPA525G2",
                    "CP-6841-3PCC", "CP-7811-3PCC", "CP-7841-3PCC", "CP-7861-3PCC", "CP-8841-3PCC",
                    "CP-8851-3PCC", "CP-8861-3PCC"),
            Vendor.SNOM, List.of("D120", "D315", "D345", "D385", "D713", "D715", "D717", "D735",
                    "D785", "710", "715", "720", "760", "870"),
            Vendor.FANVIL, List.of("X1S", "X3S", "X3U", "X4U", "X5U", "X6U", "X7", "X7C", "X210",
                    "V62", "V64", "V65")));

    private static final Map<Vendor, Map<String, String>> BY_KEY = index();

    private PhoneModels() {}

    /** The canonical model name when {@code model} is one the vendor makes and we know. */
    public static Optional<String> canonical(Vendor vendor, String model) {
        if (model == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(vendor).get(key(vendor, model)));
    }

    /** The known models of a vendor, in catalogue order. */
    public static List<String> of(Vendor vendor) {
        return MODELS.get(vendor);
    }

    private static Map<Vendor, Map<String, String>> index() {
        Map<Vendor, Map<String, String>> byVendor = new EnumMap<>(Vendor.class);
        MODELS.forEach((vendor, names) -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            names.forEach(n -> byKey.put(key(vendor, n), n));
            byVendor.put(vendor, Map.copyOf(byKey));
        });
        return byVendor;
    }

    private static String key(Vendor vendor, String model) {
        String k = model.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        return switch (vendor) {
            // Yealink writes "SIP-T46S" in its User-Agent, and some firmware a "SIP" prefix alone.
            case YEALINK -> stripPrefix(k, "SIP");
            // Polycom User-Agents carry "VVX_450", "SPIP_331" or "SSIP_6000".
            case POLYCOM -> k.replaceFirst("^(SPIP|SOUNDPOINTIP)", "SOUNDPOINTIP")
                    .replaceFirst("^(SSIP|SOUNDSTATIONIP)", "SOUNDSTATIONIP");
            case SNOM -> stripPrefix(k, "SNOM");
            // "CP-8841-3PCC", "CP-8841" and "8841" all name the same multiplatform phone.
            case CISCO -> stripPrefix(k, "CP").replaceFirst("(3PCC|MPP)$", "");
            case GRANDSTREAM, FANVIL -> k;
        };
    }

    private static String stripPrefix(String k, String prefix) {
        return k.startsWith(prefix) ? k.substring(prefix.length()) : k;
    }
}
