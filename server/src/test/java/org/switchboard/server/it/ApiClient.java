package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** A minimal client of the REST API for the process tests. Used by one test thread. */
final class ApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token = "";

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * Closes its connections; a node stopped after this one does not wait a second for the idle
     * keep-alive connection to go (Jetty's graceful stop).
     */
    @Override
    public void close() {
        http.close();
    }

    /** Logs in and keeps the bearer token; fails the test if the login is refused. */
    void login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
        }
        Matcher m = TOKEN.matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no token in " + r.body());
        }
        token = m.group(1);
    }

    /** The bearer token of the last login. */
    String token() {
        return token;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET of a JSON resource that must answer 200 (the test fails otherwise), parsed. */
    JsonNode getJson(String path) {
        try {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }

    /** The elements of a JSON array. */
    static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** GET of a binary resource (audio), whatever its status. */
    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return http.send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT of a binary body (a greeting's WAV) of {@code contentType}. */
    HttpResponse<String> put(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(request(path).setHeader("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        return token.isEmpty() ? b : b.header("Authorization", "Bearer " + token);
    }
}
