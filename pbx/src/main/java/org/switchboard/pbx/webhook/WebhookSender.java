package org.switchboard.pbx.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;

/**
 * Sends one signed delivery with the JDK's HTTP client and says what came of it; never follows a
 * redirect (a receiver that moved is told in the log, not silently followed). Its own threads are
 * virtual. Thread-safe; blocking, so called on a virtual thread only.
 */
final class WebhookSender implements AutoCloseable {
    /** What one POST came to: the status when the receiver answered, otherwise why not. */
    record Result(OptionalInt statusCode, Optional<String> error) {
        boolean delivered() {
            return statusCode.isPresent() && statusCode.getAsInt() >= 200 && statusCode.getAsInt() < 300;
        }
    }

    private final Duration timeout;
    private final HttpClient http;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-http-", 0).factory()))
                .build();
    }

    Result post(String url, String event, String eventId, String body, String signature) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Switchboard-Webhooks/1")
                .header("X-Switchboard-Event", event)
                .header("X-Switchboard-Delivery", eventId)
                .header(WebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Result(OptionalInt.of(status), ok ? Optional.empty() : Optional.of("HTTP " + status));
        } catch (HttpTimeoutException e) {
            return failed("no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return failed("connection failed: " + (e.getMessage() == null ? "refused" : e.getMessage()));
        } catch (IOException e) {
            return failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("interrupted: the node is stopping");
        }
    }

    static Result failed(String why) {
        return new Result(OptionalInt.empty(), Optional.of(why));
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
