package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A node's voicemail boxes as the voicemail ITs check them: the messages and their audio through
 * the REST API (docs/voicemail.md, "REST API") and the audio files under the node's data directory
 * (docs/voicemail.md, "Files"). Used by one test thread.
 */
final class VoicemailBoxes {
    private final ApiClient api;
    private final Path voicemailFolder;

    /** @param dataDir the node's data_dir; its audio lives in {@code dataDir/voicemail} */
    VoicemailBoxes(ApiClient api, Path dataDir) {
        this.api = api;
        this.voicemailFolder = dataDir.resolve("voicemail");
    }

    /** The messages of {@code box}, oldest first, as {@code GET .../messages} lists them. */
    List<JsonNode> messages(String box) {
        return ApiClient.items(api.getJson(messagesPath(box)));
    }

    /** The messages of {@code box} once it holds at least {@code count} (waiting up to 10 s). */
    List<JsonNode> awaitMessages(String box, int count) {
        return await("box " + box + " holds " + count + " message(s)").atMost(Duration.ofSeconds(10))
                .until(() -> messages(box), m -> m.size() >= count);
    }

    /** {@code GET .../messages/{id}/audio}, whatever its status. */
    HttpResponse<byte[]> audioResponse(String box, long id) throws IOException, InterruptedException {
        return api.getBytes(messagesPath(box) + "/" + id + "/audio");
    }

    /** The WAV of message {@code id}, which must be served (200). */
    byte[] audio(String box, long id) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = audioResponse(box, id);
        assertThat(response.statusCode()).as("GET audio of message " + id + " of box " + box).isEqualTo(200);
        return response.body();
    }

    /** {@code DELETE .../messages/{id}}'s status. */
    int delete(String box, long id) throws IOException, InterruptedException {
        return api.delete(messagesPath(box) + "/" + id).statusCode();
    }

    /** Every file under data_dir/voicemail, sorted; none when the folder does not exist yet. */
    List<Path> files() throws IOException {
        if (!Files.exists(voicemailFolder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(voicemailFolder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String messagesPath(String box) {
        return "/api/voicemail/boxes/" + box + "/messages";
    }
}
