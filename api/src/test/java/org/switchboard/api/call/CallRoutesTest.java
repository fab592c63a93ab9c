package org.switchboard.api.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.api.http.ApiFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.http.ApiFixture;
import org.switchboard.media.rtp.PeerReport;
import org.switchboard.media.rtp.Reception;
import org.switchboard.pbx.call.CallSnapshot;
import org.switchboard.pbx.call.CallState;
import org.switchboard.pbx.call.LegSnapshot;
import org.switchboard.pbx.clicktodial.ClickToDialRequest;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.ValidationException;

/** The calls routes over real HTTP, on calls given by the test. */
class CallRoutesTest {
    private static final Instant T0 = Instant.parse("2026-05-01T09:59:00Z");

    private final ListedCalls calls = new ListedCalls();
    private final List<ClickToDialRequest> dialled = new CopyOnWriteArrayList<>();
    private final ApiFixture api = ApiFixture.withSqlite(new CallRoutes(calls, this::dial));
    private final String token = api.login();

    @AfterEach
    void stop() {
        api.close();
    }

    static CallSnapshot answered(String id, String caller, String callee) {
        return new CallSnapshot(id, caller, callee, CallState.ANSWERED, T0, Optional.of(T0.plusSeconds(3)), Optional.of("PCMU"),
                List.of(new LegSnapshot("caller", id, caller, "127.0.0.1:5070",
                                Optional.of(new LegSnapshot.Media(20000, "127.0.0.1:6000", true, 150, 149))),
                        new LegSnapshot("callee", id + "-b", callee, "127.0.0.1:5080", Optional.empty())));
    }

    @Test
    void listShowsEachCallWithItsLegsAndMediaState() {
        calls.add(answered("call-1", "1001", "1002"));
        calls.add(new CallSnapshot("call-2", "1003", "1004", CallState.RINGING, T0.plusSeconds(30), Optional.empty(),
                Optional.empty(), List.of(new LegSnapshot("caller", "call-2", "1003", "127.0.0.1:5090", Optional.empty()))));

        HttpResponse<String> r = api.send("GET", "/api/calls", token, null);

        assertThat(r.statusCode()).as("GET /api/calls: %s", r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body).hasSize(2);
        JsonNode first = body.get(0);
        assertThat(first.get("id").asText()).isEqualTo("call-1");
        assertThat(first.get("state").asText()).isEqualTo("ANSWERED");
        assertThat(first.get("answered_at").asText()).isEqualTo("2026-05-01T09:59:03Z");
        assertThat(first.get("codec").asText()).isEqualTo("PCMU");
        JsonNode media = first.get("legs").get(0).get("media");
        assertThat(media.get("local_rtp_port").asInt()).isEqualTo(20000);
        assertThat(media.get("latched").asBoolean()).isTrue();
        assertThat(media.get("packets_received").asLong()).isEqualTo(150);
        assertThat(first.get("legs").get(1).has("media")).as("a leg without anchored media has no media field").isFalse();
        JsonNode ringing = body.get(1);
        assertThat(ringing.get("state").asText()).isEqualTo("RINGING");
        assertThat(ringing.has("answered_at")).isFalse();
    }

    /** Click-to-dial as the node answers it: 1099 is no extension, 1005 has no phone, anything else starts. */
    private String dial(ClickToDialRequest request) {
        if (request.from().equals("1099")) {
            throw new ValidationException("from", "no extension 1099");
        }
        if (request.from().equals("1005")) {
            throw new ConflictException("from", "extension 1005 has no registered phone to ring");
        }
        dialled.add(request);
        return "call-of-" + request.from();
    }

    @Test
    void postStartsAClickToDialAndAnswers202WithTheCallId() {
        HttpResponse<String> r = api.send("POST", "/api/calls", token,
                "{\"from\":\"1001\",\"to\":\"1002\",\"auto_answer\":true,\"caller_id\":\"5550100\"}");

        assertThat(r.statusCode()).as("POST /api/calls: %s", r.body()).isEqualTo(202);
        assertThat(json(r).get("id").asText()).isEqualTo("call-of-1001");
        assertThat(dialled).containsExactly(new ClickToDialRequest("1001", "1002", true, Optional.of("5550100")));
    }

    @Test
    void postWithoutTheOptionalFieldsNeitherAutoAnswersNorSetsACallerId() {
        HttpResponse<String> r = api.send("POST", "/api/calls", token, "{\"from\":\"1001\",\"to\":\"*97\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(dialled).containsExactly(new ClickToDialRequest("1001", "*97", false, Optional.empty()));
    }

    @Test
    void badClickToDialsAre400NamingTheFieldAndAnUnreachableFromIs409() {
        HttpResponse<String> unknown = api.send("POST", "/api/calls", token, "{\"from\":\"1099\",\"to\":\"1002\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(json(unknown).get("error").get("field").asText()).isEqualTo("from");

        HttpResponse<String> wrongType = api.send("POST", "/api/calls", token,
                "{\"from\":\"1001\",\"to\":\"1002\",\"auto_answer\":\"yes\"}");
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        assertThat(json(wrongType).get("error").get("field").asText()).isEqualTo("auto_answer");

        HttpResponse<String> unknownField = api.send("POST", "/api/calls", token, "{\"from\":\"1001\",\"dest\":\"1002\"}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField).get("error").get("field").asText()).isEqualTo("dest");

        HttpResponse<String> unregistered = api.send("POST", "/api/calls", token, "{\"from\":\"1005\",\"to\":\"1002\"}");
        assertThat(unregistered.statusCode()).as(unregistered.body()).isEqualTo(409);
        assertThat(json(unregistered).get("error").get("message").asText()).contains("no registered phone");
        assertThat(dialled).isEmpty();
    }

    @Test
    void oneCallIsFoundByItsId() {
        calls.add(answered("call-1", "1001", "1002"));

        HttpResponse<String> r = api.send("GET", "/api/calls/call-1", token, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("caller").asText()).isEqualTo("1001");
    }

    @Test
    void qualityShowsLossJitterAndMosOfEachAnchoredLeg() {
        calls.add(new CallSnapshot("call-q", "1001", "1002", CallState.ANSWERED, T0, Optional.of(T0), Optional.of("PCMU"),
                List.of(new LegSnapshot("caller", "call-q", "1001", "127.0.0.1:5070", Optional.of(new LegSnapshot.Media(
                        20000, "127.0.0.1:6000", true, 450, 500, false, 0, "127.0.0.1:6000",
                        new Reception(500, 50, 12.5), Optional.of(new PeerReport(0.02, 10, 4, 3, Optional.empty()))))),
                        new LegSnapshot("callee", "call-q-b", "1002", "127.0.0.1:5080", Optional.empty()))));

        HttpResponse<String> r = api.send("GET", "/api/calls/call-q/quality", token, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode legs = json(r).get("legs");
        assertThat(legs).as("only the anchored leg").hasSize(1);
        JsonNode caller = legs.get(0);
        assertThat(caller.get("packets_lost").asLong()).isEqualTo(50);
        assertThat(caller.get("loss_percent").asDouble()).isEqualTo(10.0);
        assertThat(caller.get("jitter_ms").asDouble()).isEqualTo(12.5);
        assertThat(caller.get("reported_loss_percent").asDouble()).isEqualTo(2.0);
        assertThat(caller.get("mos").asDouble()).isBetween(1.0, 4.0);
    }

    @Test
    void mediaDiagnosisNamesTheSilentPhone() {
        calls.add(new CallSnapshot("call-m", "1001", "1002", CallState.ANSWERED, T0, Optional.of(T0), Optional.of("PCMU"),
                List.of(new LegSnapshot("caller", "call-m", "1001", "127.0.0.1:5070",
                                Optional.of(new LegSnapshot.Media(20000, "127.0.0.1:6000", true, 150, 0))),
                        new LegSnapshot("callee", "call-m-b", "1002", "127.0.0.1:5080",
                                Optional.of(new LegSnapshot.Media(20002, "127.0.0.1:7000", false, 0, 150))))));

        HttpResponse<String> r = api.send("GET", "/api/calls/call-m/media", token, null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("verdict").asText()).isEqualTo("One-way audio: no RTP reached the PBX from the callee (1002).");
        assertThat(json(r).at("/legs/1/findings/0").asText()).contains("No RTP has arrived from 1002's phone");
        assertThat(api.send("GET", "/api/calls/nope/media", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownCallIsA404WithTheApiErrorShape() {
        HttpResponse<String> r = api.send("GET", "/api/calls/nope", token, null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("not_found");
        assertThat(json(r).get("error").get("message").asText()).contains("nope");
    }

    @Test
    void deleteHangsTheCallUpInTheAdminsName() {
        calls.add(answered("call-1", "1001", "1002"));

        HttpResponse<String> r = api.send("DELETE", "/api/calls/call-1", token, null);

        assertThat(r.statusCode()).as("DELETE /api/calls/call-1: %s", r.body()).isEqualTo(204);
        assertThat(calls.hungUpBy("call-1")).contains("admin:" + ApiFixture.ADMIN);
        assertThat(api.send("GET", "/api/calls/call-1", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingACallThatIsNotInProgressIsA404() {
        HttpResponse<String> r = api.send("DELETE", "/api/calls/gone", token, null);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void callsNeedAToken() {
        calls.add(answered("call-1", "1001", "1002"));

        assertThat(api.send("GET", "/api/calls", null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/calls/call-1", null, null).statusCode()).isEqualTo(401);
        assertThat(calls.hungUpBy("call-1")).isEmpty();
    }
}
