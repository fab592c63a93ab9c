package org.switchboard.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Jetty refuses before any route runs (malformed URLs, ambiguous paths, broken request
 * lines) get the API's JSON error body and the same security headers as every other answer. Sent
 * over a raw socket, since {@code HttpClient} refuses to send them.
 */
class JsonErrorHandlerTest {
    private static ApiFixture api;

    @BeforeAll
    static void start() {
        api = ApiFixture.withSqlite();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /%zz HTTP/1.1",
            "GET /api/%2e%2e/%2e%2e/etc/passwd HTTP/1.1",
            "GET /api/health%00 HTTP/1.1",
            "GET /api/%2F%2F/health HTTP/1.1",
            "GET /a b c HTTP/1.1",
            "GET /api/health HTTP/9.9",
    })
    void aMalformedRequestGetsAJsonErrorWithTheSecurityHeaders(String requestLine) throws IOException {
        String answer = exchange(requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).as("answer to %s", requestLine).matches("(?s)http/1\\.1 [45]\\d\\d .*")
                .contains("content-type: application/json", "x-content-type-options: nosniff", "x-frame-options: deny",
                        "content-security-policy:", "referrer-policy: no-referrer", "x-request-id:");
        JsonNode error = Json.MAPPER.readTree(body).get("error");
        assertThat(error).as("JSON error body for %s: %s", requestLine, body).isNotNull();
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(body).doesNotContain("<html", "Jetty", "Exception");
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
