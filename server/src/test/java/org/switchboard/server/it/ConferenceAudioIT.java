package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.server.wiring.Server;

/**
 * Issue 16's proof on a whole node with real phones: three baresip phones dial the conference number 800 (a
 * dial-plan rule to kind {@code conference}, room {@code room1} made over the REST API with PIN 4242), each typing
 * the PIN as inband DTMF in its microphone and then sending its own tone (1001: 1000 Hz, 1002: 1600 Hz, 1003:
 * 600 Hz; 1003 on PCMA, the others on PCMU). With all three in the room, each one's recording holds the other two
 * tones and not its own. Then 1003 is muted through the API: 1001 and 1002 stop hearing 600 Hz while 1003 still
 * hears both of them. Then 1003 is kicked through the API and gets the node's BYE. Also: three wrong PINs hang up;
 * in a room waiting for its moderator a caller waits until the moderator's PIN comes, one more than the room's
 * maximum is refused, key 6 mutes and the moderator's key 3 hangs up the last caller who came in. One node (SQLite), one test thread.
 */
class ConferenceAudioIT {
    private static final String PASSWORD = "conference-secret-77";
    private static final String PIN = "4242";
    private static final Duration SETUP = Duration.ofSeconds(15);
    /** Audio each phone must decode in a phase before the test moves on. */
    private static final Duration PHASE = Duration.ofSeconds(2);
    /** Start of a phase left out of the measurement: the mixer's and the phones' buffers, the join tones. */
    private static final Duration SETTLE = Duration.ofMillis(600);
    private static final double[] TONES_HZ = {1000, 1600, 600};
    private static final String[] PHONES = {"1001", "1002", "1003"};
    // 400 samples at 8 kHz: 600, 1000 and 1600 Hz complete whole cycles in a block, each on a Goertzel bin
    private static final int BLOCK = 400;
    // two tones mixed at one level carry about half the power each; one tone alone about all of it
    private static final double PRESENT = 0.25;
    private static final double ABSENT = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Baresip> phones = new ArrayList<>();

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 29800, port_max: 29839}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                  - {number: "1004", name: Dave, password: %1$s}
                  - {number: "1005", name: Erin, password: %1$s}
                """.formatted(PASSWORD));
        server = node.server();
        api = node.api();
        created(api.post("/api/conferences", """
                {"name":"room1","number":"800","pin":"%s","moderator_pin":"","max_participants":20}""".formatted(PIN)));
        created(api.post("/api/dialplan/rules", """
                {"priority":35,"name":"conference","pattern":"800","action":"conference","target":"room1"}"""));
        created(api.post("/api/conferences", """
                {"name":"room2","number":"801","pin":"1111","moderator_pin":"9999","max_participants":2,
                 "wait_for_moderator":true}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":36,"name":"moderated","pattern":"801","action":"conference","target":"room2"}"""));
    }

    @AfterEach
    void stopPhones() {
        phones.forEach(Baresip::close);
    }

    @Test
    void eachPhoneHearsTheOtherTwoAndNotItselfAndAMutedPhoneIsHeardByNobody() throws Exception {
        Path work = Baresip.newFolder("conference-");
        for (int i = 0; i < PHONES.length; i++) {
            String codec = i == 2 ? "PCMA/8000/1" : "PCMU/8000/1";
            Baresip phone = Baresip.start(work.resolve(PHONES[i]), Baresip.Account.registeredAt(server.sipPort(),
                    PHONES[i], PASSWORD).offering(codec), microphone(work, PHONES[i], TONES_HZ[i]));
            phones.add(phone);
            phone.awaitRegistered(SETUP);
        }
        for (Baresip phone : phones) {
            phone.dial("sip:800@127.0.0.1:" + server.sipPort());
            phone.awaitCallEstablished(SETUP);
        }
        await("all three typed the PIN and sit in room1").atMost(SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> participants().size() == 3);
        JsonNode listed = participants();
        assertThat(listed).extracting(p -> p.get("caller").asText()).containsExactlyInAnyOrder(PHONES);
        for (JsonNode p : listed) {
            assertThat(p.get("muted").asBoolean()).as("participant %s", p).isFalse();
            assertThat(p.has("joined_at")).as("participant %s", p).isTrue();
        }

        Duration[] together = talk();
        long carol = listed.findValues("id").get(indexOf(listed, "1003")).asLong();
        HttpResponse<String> muted = send("PATCH", "/api/conferences/room1/participants/" + carol, "{\"muted\":true}");
        assertThat(muted.statusCode()).as("PATCH mute 1003: %s", muted.body()).isEqualTo(200);
        assertThat(JSON.readTree(muted.body()).get("muted").asBoolean()).isTrue();
        Duration[] carolMuted = talk();
        Duration[] end = marks();

        HttpResponse<String> kicked = send("DELETE", "/api/conferences/room1/participants/" + carol, null);
        assertThat(kicked.statusCode()).as("DELETE 1003: %s", kicked.body()).isEqualTo(204);
        phones.get(2).awaitCallTerminated(SETUP);
        await("1003 left the room").atMost(SETUP).until(() -> participants().size() == 2);
        phones.get(0).hangUp();
        phones.get(1).hangUp();
        phones.get(0).awaitCallTerminated(SETUP);
        phones.get(1).awaitCallTerminated(SETUP);
        for (Baresip phone : phones) {
            phone.quit();
        }
        await("room1 is empty").atMost(SETUP).until(() -> participants().isEmpty());

        for (int i = 0; i < PHONES.length; i++) {
            short[] heard = phones.get(i).decoded().firstChannel();
            short[] all = slice(heard, together[i], carolMuted[i]);
            for (int j = 0; j < PHONES.length; j++) {
                String what = PHONES[i] + " with all three talking, " + PHONES[j] + "'s " + TONES_HZ[j] + " Hz; "
                        + describe(all);
                if (i == j) {
                    assertThat(share(all, TONES_HZ[j])).as(what + ": not its own").isLessThan(ABSENT);
                } else {
                    assertThat(share(all, TONES_HZ[j])).as(what).isGreaterThan(PRESENT);
                }
            }
            short[] later = slice(heard, carolMuted[i], end[i]);
            String what = PHONES[i] + " with 1003 muted; " + describe(later);
            if (i == 2) {
                assertThat(share(later, TONES_HZ[0])).as(what + ": 1003 still hears 1001").isGreaterThan(PRESENT);
                assertThat(share(later, TONES_HZ[1])).as(what + ": 1003 still hears 1002").isGreaterThan(PRESENT);
            } else {
                assertThat(share(later, TONES_HZ[2])).as(what + ": 1003 is muted").isLessThan(ABSENT);
                assertThat(share(later, TONES_HZ[1 - i])).as(what + ": the other unmuted phone")
                        .isGreaterThan(2 * PRESENT);
            }
        }
    }

    @Test
    void threeWrongPinsHangTheCallerUp() throws Exception {
        Path work = Baresip.newFolder("conference-pin-");
        Baresip phone = start(work, "1004", "PCMU/8000/1", keys(work, "wrong", "5#", "5#", "5#"));
        phone.dial("sip:800@127.0.0.1:" + server.sipPort());
        phone.awaitCallEstablished(SETUP);
        phone.awaitCallTerminated(Duration.ofSeconds(30));

        assertThat(endedCallOf("1004").get("hangup_cause").asText()).isEqualTo("conference PIN incorrect");
        assertThat(participants("room1")).as("nobody got in").isEmpty();
    }

    @Test
    void callersWaitForTheModeratorAFullRoomIsRefusedKeySixMutesAndTheModeratorsThreeKicks() throws Exception {
        Path work = Baresip.newFolder("conference-moderated-");
        // 1002 types the PIN, waits, then presses 6 some seconds after the moderator came
        Baresip caller = start(work, "1002", "PCMU/8000/1", keys(work, "caller", "1111#", "", "", "", "6"));
        caller.dial("sip:801@127.0.0.1:" + server.sipPort());
        caller.awaitCallEstablished(SETUP);
        await("1002 waits for the moderator").atMost(SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> participants("room2").size() == 1 && participants("room2").get(0).get("waiting").asBoolean());

        // the moderator types its PIN, then presses 3 (hang up the last caller who came in) well after 1002's 6
        Baresip moderator = start(work, "1001", "PCMA/8000/1",
                keys(work, "moderator", "9999#", "", "", "", "", "", "", "3"));
        moderator.dial("sip:801@127.0.0.1:" + server.sipPort());
        moderator.awaitCallEstablished(SETUP);
        await("the moderator comes and 1002 is seated").atMost(SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> participants("room2").size() == 2 && !participants("room2").get(0).get("waiting").asBoolean());
        assertThat(participants("room2").get(1).get("moderator").asBoolean()).as("%s", participants("room2")).isTrue();

        Baresip third = start(work, "1005", "PCMU/8000/1", keys(work, "third", "1111#"));
        third.dial("sip:801@127.0.0.1:" + server.sipPort());
        third.awaitCallEstablished(SETUP);
        third.awaitCallTerminated(Duration.ofSeconds(20));
        assertThat(endedCallOf("1005").get("hangup_cause").asText()).isEqualTo("conference full");

        await("1002 pressed 6 and is muted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> participants("room2").get(0).get("muted").asBoolean());
        caller.awaitCallTerminated(Duration.ofSeconds(30));
        assertThat(endedCallOf("1002").get("hangup_cause").asText()).as("the moderator's key 3")
                .isEqualTo("kicked from conference by 1001");
        moderator.hangUp();
        await("room2 is empty").atMost(SETUP).until(() -> participants("room2").isEmpty());
    }

    private Baresip start(Path work, String extension, String codec, Path microphone) throws Exception {
        Baresip phone = Baresip.start(work.resolve(extension), Baresip.Account.registeredAt(server.sipPort(),
                extension, PASSWORD).offering(codec), microphone);
        phones.add(phone);
        phone.awaitRegistered(SETUP);
        return phone;
    }

    /** A microphone typing each group of {@code keys} as inband DTMF, 3 s apart (an empty group is a pause). */
    private static Path keys(Path work, String name, String... keys) throws Exception {
        List<AudioClip> parts = new ArrayList<>();
        for (String group : keys) {
            parts.add(AudioClip.silence(Duration.ofMillis(1500)));
            for (char key : group.toCharArray()) {
                parts.add(AudioClip.dtmf(key, Duration.ofMillis(150)));
                parts.add(AudioClip.silence(Duration.ofMillis(150)));
            }
            parts.add(AudioClip.silence(Duration.ofMillis(1500)));
        }
        parts.add(AudioClip.silence(Duration.ofSeconds(60)));
        Files.createDirectories(work);
        return Files.write(work.resolve(name + "-keys.wav"), AudioClip.concat(parts).toWav());
    }

    private static JsonNode endedCallOf(String caller) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode row : JSON.readTree(api.get("/api/cdr").body()).get("items")) {
                if (row.get("caller").asText().equals(caller) && !row.get("status").asText().equals("open")) {
                    return row;
                }
            }
            return null;
        }, row -> row != null);
    }

    /** Where each phone's recording is now, then waits until each has decoded {@link #PHASE} more. */
    private Duration[] talk() {
        Duration[] start = marks();
        await("each phone decodes " + PHASE + " more").atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (int i = 0; i < phones.size(); i++) {
                        if (phones.get(i).decodedSoFar().compareTo(start[i].plus(PHASE)) < 0) {
                            return false;
                        }
                    }
                    return true;
                });
        return start;
    }

    private Duration[] marks() {
        return phones.stream().map(Baresip::decodedSoFar).toArray(Duration[]::new);
    }

    /** The samples from {@code from} plus {@link #SETTLE} to {@code to}. */
    private static short[] slice(short[] samples, Duration from, Duration to) {
        int start = (int) (from.plus(SETTLE).toMillis() * Baresip.SAMPLE_RATE_HZ / 1000);
        int end = (int) Math.min(samples.length, to.toMillis() * Baresip.SAMPLE_RATE_HZ / 1000);
        return start >= end ? new short[0] : Arrays.copyOfRange(samples, start, end);
    }

    /** The mean share of the power that lies at {@code frequencyHz}, over the 50 ms blocks of {@code samples}. */
    private static double share(short[] samples, double frequencyHz) {
        Goertzel filter = new Goertzel(frequencyHz, Baresip.SAMPLE_RATE_HZ);
        int blocks = samples.length / BLOCK;
        double total = 0;
        for (int b = 0; b < blocks; b++) {
            total += filter.relativePower(samples, b * BLOCK, BLOCK);
        }
        return blocks == 0 ? 0 : total / blocks;
    }

    private static String describe(short[] samples) {
        StringBuilder text = new StringBuilder(String.format("%.2f s", samples.length / (double) Baresip.SAMPLE_RATE_HZ));
        for (double f : TONES_HZ) {
            text.append(String.format(", %.0f Hz %.2f", f, share(samples, f)));
        }
        return text.toString();
    }

    /** Silence while the PIN prompt starts, the PIN and # as inband DTMF, then the phone's own tone. */
    private static Path microphone(Path work, String phone, double toneHz) throws Exception {
        List<AudioClip> parts = new ArrayList<>(List.of(AudioClip.silence(Duration.ofMillis(1500))));
        for (char key : (PIN + "#").toCharArray()) {
            parts.add(AudioClip.dtmf(key, Duration.ofMillis(150)));
            parts.add(AudioClip.silence(Duration.ofMillis(150)));
        }
        short[] tone = new ToneGenerator(toneHz, Baresip.TONE_LEVEL, Baresip.SAMPLE_RATE_HZ)
                .next(60 * Baresip.SAMPLE_RATE_HZ);
        parts.add(AudioClip.of(tone));
        Path file = work.resolve(phone + "-microphone.wav");
        Files.createDirectories(work);
        return Files.write(file, AudioClip.concat(parts).toWav());
    }

    private JsonNode participants() throws Exception {
        return participants("room1");
    }

    private static JsonNode participants(String room) throws Exception {
        HttpResponse<String> r = api.get("/api/conferences/" + room + "/participants");
        assertThat(r.statusCode()).as("GET participants: %s", r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int indexOf(JsonNode participants, String caller) {
        for (int i = 0; i < participants.size(); i++) {
            if (participants.get(i).get("caller").asText().equals(caller)) {
                return i;
            }
        }
        throw new AssertionError(caller + " not in " + participants);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("set-up: %s", r.body()).isEqualTo(201);
    }

}
