package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class SdpProperties {
    @Property
    void parsingTheSerializedFormGivesTheSameModel(@ForAll("sessions") SessionDescription sdp) {
        String text = sdp.toSdp();
        SessionDescription reparsed = SdpParser.parse(text);
        assertThat(reparsed).isEqualTo(sdp);
        assertThat(reparsed.toSdp()).isEqualTo(text);
    }

    @Property
    void arbitraryTextGivesAModelOrATypedError(@ForAll @StringLength(max = 400) String text) {
        parseOrTypedError(text);
    }

    @Property
    void sdpLikeLinesGiveAModelOrATypedError(@ForAll("sdpLikeText") String text) {
        parseOrTypedError(text);
    }

    @Property
    void truncatedOfferGivesAModelOrATypedError(@ForAll @IntRange(min = 0, max = 400) int cut) {
        String offer = SdpExamples.PHONE_OFFER;
        parseOrTypedError(offer.substring(0, Math.min(cut, offer.length())));
    }

    @Property
    void mutatedOfferGivesAModelOrATypedError(
            @ForAll @IntRange(min = 0, max = 399) int at, @ForAll @CharRange(from = 0, to = 127) char c) {
        String offer = SdpExamples.PHONE_OFFER;
        int i = at % offer.length();
        parseOrTypedError(offer.substring(0, i) + c + offer.substring(i + 1));
    }

    @Property(tries = 3)
    void aMaximalHostileOfferIsParsedAndAnsweredInLinearWork(@ForAll @IntRange(min = 1000, max = 3000) int n) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nm=audio 4000 RTP/AVP");
        for (int pt = 0; pt < n; pt++) {
            sdp.append(' ').append(96 + pt % 32);
        }
        sdp.append("\r\n");
        while (sdp.length() < SdpParser.MAX_LENGTH - 40) {
            sdp.append("a=rtpmap:96 x/8000\r\n");
        }
        // completes (the suite's time budget is the guard; no timing number here) with an answer or a refusal
        parseOrTypedError(sdp.toString());
    }

    private static void parseOrTypedError(String text) {
        try {
            SessionDescription sdp = SdpParser.parse(text);
            // what parsed must also serialize and answer without surprises
            SdpParser.parse(sdp.toSdp());
            new SdpAnswerer(List.of(Codec.PCMU), true)
                    .answer(sdp, new Origin("-", "1", "1", "IN", "IP4", "h"), new MediaEndpoint("h", 2000));
        } catch (SdpParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> sdpLikeText() {
        Arbitrary<String> line = Combinators.combine(
                        Arbitraries.of('v', 'o', 's', 'c', 't', 'm', 'a', 'b', 'i', 'x'),
                        Arbitraries.oneOf(
                                Arbitraries.of("0", "- 1 1 IN IP4 h", "IN IP4 1.2.3.4", "audio 4000 RTP/AVP 0 96",
                                        "rtpmap:96 opus/48000/2", "rtpmap:96", "ptime:x", "rtcp:9 IN", "sendonly",
                                        "audio 0/x RTP/AVP", "fmtp:96 a=b", ""),
                                Arbitraries.strings().ofMaxLength(20)))
                .as((type, value) -> type + "=" + value);
        return line.list().ofMaxSize(15).map(l -> String.join("\r\n", l));
    }

    @Provide
    Arbitrary<SessionDescription> sessions() {
        Arbitrary<List<SdpField>> sessionFields = field("iuepbtrzk").list().ofMaxSize(4).map(fs -> fs.stream()
                .sorted(Comparator.comparingInt(f -> "iuepbtrzk".indexOf(f.type())))
                .toList());
        return Combinators.combine(
                        origin(),
                        text(),
                        connection().optional(),
                        sessionFields,
                        attribute().list().ofMaxSize(4),
                        media().list().ofMaxSize(3))
                .as(SessionDescription::new);
    }

    private static Arbitrary<MediaDescription> media() {
        Arbitrary<List<SdpField>> fields = field("ibk").list().ofMaxSize(3).map(fs -> fs.stream()
                .sorted(Comparator.comparingInt(f -> f.type() == 'i' ? 0 : 1))
                .toList());
        return Combinators.combine(
                        Arbitraries.of("audio", "video", "application"),
                        Arbitraries.integers().between(0, 65535),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of("RTP/AVP", "RTP/SAVP", "UDP/TLS/RTP/SAVPF"),
                        token().list().ofMaxSize(5),
                        connection().optional(),
                        fields,
                        attribute().list().ofMaxSize(5))
                .as(MediaDescription::new);
    }

    private static Arbitrary<Origin> origin() {
        return Combinators.combine(token(), token(), token(), token(), token(), token()).as(Origin::new);
    }

    private static Arbitrary<Connection> connection() {
        return Combinators.combine(token(), token(), token()).as(Connection::new);
    }

    private static Arbitrary<Attribute> attribute() {
        Arbitrary<String> name = token().map(t -> "x-" + t);
        return Combinators.combine(name, text().optional()).as(Attribute::new);
    }

    private static Arbitrary<SdpField> field(String types) {
        Arbitrary<Character> type = Arbitraries.of(types.chars().mapToObj(c -> (char) c).toList());
        return Combinators.combine(type, text()).as(SdpField::new);
    }

    private static Arbitrary<String> token() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("-./+")
                .ofMinLength(1).ofMaxLength(8);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éü€").ofMaxLength(16);
    }

}
