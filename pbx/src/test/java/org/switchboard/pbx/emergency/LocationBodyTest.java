package org.switchboard.pbx.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.call.OfferBody;
import org.switchboard.store.emergency.CivicAddress;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The PIDF-LO (RFC 4119, RFC 5491) with its RFC 5139 civic address, and the multipart/mixed body
 * that carries it beside the SDP offer (RFC 6442): well-formed XML in the right namespaces, the
 * elements in the schema's order, text escaped, the Content-ID the Geolocation header names.
 */
class LocationBodyTest {
    private static final String CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    private static final CivicAddress ADDRESS = new CivicAddress("US", "CA", "Springfield", "Main St", "100",
            Optional.of("2"), Optional.of("201"), Optional.of("Smith & <Sons>"), Optional.of("95000"));
    private static final byte[] SDP = "v=0\r\nm=audio 4000 RTP/AVP 0\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theCivicAddressIsInTheSchemasOrderWithTextEscaped() throws Exception {
        Document pidf = parse(PidfLo.of("pres:1001@pbx.test", "1001", ADDRESS, Instant.parse("2026-12-08T01:02:03.456Z")));

        Element civic = (Element) pidf.getElementsByTagNameNS(CIVIC, "civicAddress").item(0);
        List<String> order = new ArrayList<>();
        for (Node n = civic.getFirstChild(); n != null; n = n.getNextSibling()) {
            order.add(n.getLocalName() + "=" + n.getTextContent());
        }
        assertThat(order).containsExactly("country=US", "A1=CA", "A3=Springfield", "RD=Main St", "HNO=100", "FLR=2",
                "NAM=Smith & <Sons>", "PC=95000", "ROOM=201");
        assertThat(pidf.getDocumentElement().getNamespaceURI()).isEqualTo("urn:ietf:params:xml:ns:pidf");
        assertThat(pidf.getDocumentElement().getAttribute("entity")).isEqualTo("pres:1001@pbx.test");
        assertThat(pidf.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:data-model", "timestamp").item(0)
                .getTextContent()).isEqualTo("2026-12-08T01:02:03Z");
        assertThat(pidf.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:geopriv10", "usage-rules").getLength())
                .isEqualTo(1);
    }

    @Test
    void theBodyCarriesTheOfferThenTheLocationUnderItsContentId() {
        LocationBody body = new LocationBody(PidfLo.of("pres:1001@pbx.test", "1001", ADDRESS, Instant.EPOCH),
                "1001-abc@pbx.test", "sb-xyz");

        OfferBody.Body sent = body.carrying(SDP);

        String text = new String(sent.bytes(), StandardCharsets.UTF_8);
        assertThat(sent.contentType()).isEqualTo("multipart/mixed;boundary=sb-xyz");
        assertThat(body.geolocation()).isEqualTo("<cid:1001-abc@pbx.test>");
        assertThat(text).startsWith("--sb-xyz\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n")
                .contains("\r\n--sb-xyz\r\nContent-Type: application/pidf+xml\r\nContent-ID: <1001-abc@pbx.test>\r\n\r\n<presence ")
                .endsWith("</presence>\r\n--sb-xyz--\r\n");
    }

    @Test
    void anInviteWithoutAnOfferCarriesTheLocationAlone() {
        LocationBody body = new LocationBody("<presence/>", "c@pbx.test", "sb-1");

        String text = new String(body.carrying(new byte[0]).bytes(), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("application/sdp").startsWith("--sb-1\r\nContent-Type: application/pidf+xml");
    }

    @Test
    void theLocationIsCompactEnoughForAnInvite() {
        String pidf = PidfLo.of("pres:1001@pbx.test", "1001", ADDRESS, Instant.EPOCH);

        assertThat(pidf.length()).as("no declaration, no white space between elements: %s", pidf).isLessThan(700);
        assertThat(pidf).doesNotContain("\n").doesNotStartWith("<?xml");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
