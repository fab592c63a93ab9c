package org.switchboard.pbx.emergency;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.switchboard.store.emergency.CivicAddress;

/**
 * A location object (PIDF-LO, RFC 4119 with the RFC 5491 profile) carrying one civic address as
 * RFC 5139 {@code ca:civicAddress}: a {@code dm:device} with the location, empty usage rules, the
 * method {@code Manual} (an administrator typed the address) and a timestamp. Written without an
 * XML declaration or white space between elements: it travels inside an INVITE, often over UDP,
 * where every byte counts (docs/emergency.md, "Size"). Stateless.
 */
public final class PidfLo {
    public static final String CONTENT_TYPE = "application/pidf+xml";

    private PidfLo() {}

    /**
     * The document for device {@code device} (an extension number) presented as {@code entity}
     * ({@code pres:} URI) at {@code civic}, stamped {@code at}.
     */
    public static String of(String entity, String device, CivicAddress civic, Instant at) {
        StringBuilder xml = new StringBuilder(640);
        xml.append("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"")
                .append(" xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\"")
                .append(" xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\"")
                .append(" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\"")
                .append(" entity=\"").append(escape(entity)).append("\">")
                .append("<dm:device id=\"d").append(escape(device)).append("\"><gp:geopriv><gp:location-info>")
                .append("<ca:civicAddress>");
        // RFC 5139's schema fixes the order of the elements.
        element(xml, "country", civic.country());
        element(xml, "A1", civic.state());
        element(xml, "A3", civic.city());
        element(xml, "RD", civic.street());
        element(xml, "HNO", civic.houseNumber());
        element(xml, "FLR", civic.floor());
        element(xml, "NAM", civic.name());
        element(xml, "PC", civic.postalCode());
        element(xml, "ROOM", civic.room());
        return xml.append("</ca:civicAddress></gp:location-info><gp:usage-rules/><gp:method>Manual</gp:method>")
                .append("</gp:geopriv><dm:timestamp>").append(at.truncatedTo(ChronoUnit.SECONDS))
                .append("</dm:timestamp></dm:device></presence>").toString();
    }

    private static void element(StringBuilder xml, String name, Optional<String> value) {
        value.ifPresent(v -> element(xml, name, v));
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("<ca:").append(name).append('>').append(escape(value)).append("</ca:").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
