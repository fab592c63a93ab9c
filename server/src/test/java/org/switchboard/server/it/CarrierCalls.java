package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the ITs of carriers' calls (trunks, inbound routes, time rules) share: the API's answers and SIPp's readiness. */
final class CarrierCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CarrierCalls() {}

    static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The one call in progress, or null when there are none or several. */
    static JsonNode onlyCall(ApiClient api) throws Exception {
        JsonNode calls = JSON.readTree(api.get("/api/calls").body());
        return calls.size() == 1 ? calls.get(0) : null;
    }

    /** SIPp binds its port a moment after starting; a call sent before would be refused. */
    static void awaitListening(int port, Duration wait) {
        await().atMost(wait).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
