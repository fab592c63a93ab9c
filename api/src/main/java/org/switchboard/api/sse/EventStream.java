package org.switchboard.api.sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.api.http.Json;
import org.switchboard.pbx.event.PbxEvent;

/**
 * One client's {@code text/event-stream} (WHATWG HTML, "Server-sent events"): each {@link PbxEvent}
 * becomes {@code event: <type>} plus one {@code data:} line of JSON, and comments keep the
 * connection alive. Written by two threads, the client's bus subscription (events) and its request
 * thread (comments), so every write holds one lock; a write that fails means the client left, and
 * closes the stream.
 */
final class EventStream {
    private final OutputStream out;
    private final Lock writing = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    private long nextId = 1;

    EventStream(OutputStream out) {
        this.out = out;
    }

    /** Sends one event; called by the client's bus subscription. */
    void send(PbxEvent event) {
        ObjectNode body = Json.MAPPER.valueToTree(event);
        String type = type(event);
        body.put("type", type);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable: " + type, e);
        }
        writing.lock();
        try {
            // JSON text has no raw newline, so one data line is enough.
            write("id: " + nextId++ + "\nevent: " + type + "\ndata: " + json + "\n\n");
        } finally {
            writing.unlock();
        }
    }

    /** Sends a named event without data (e.g. {@code session_ended}). */
    void signal(String type) {
        writing.lock();
        try {
            write("event: " + type + "\ndata: {}\n\n");
        } finally {
            writing.unlock();
        }
    }

    /** Sends a comment line, which clients ignore: it proves the connection is still open. */
    void comment(String text) {
        writing.lock();
        try {
            write(": " + text + "\n\n");
        } finally {
            writing.unlock();
        }
    }

    /** Waits at most {@code timeout} for the stream to close; true when it has. */
    boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Ends the stream; the request thread waiting in {@link #awaitClosed} returns and completes the response. */
    void close() {
        closed.countDown();
    }

    /** The event's name on the wire and its {@code type} field. */
    static String type(PbxEvent event) {
        return switch (event) {
            case PbxEvent.CallStarted s -> "call_started";
            case PbxEvent.CallAnswered a -> "call_answered";
            case PbxEvent.CallEnded e -> "call_ended";
            case PbxEvent.RegistrationChanged r -> "registration_changed";
            case PbxEvent.ConfigChanged c -> "config_changed";
            case PbxEvent.SecurityAlert a -> "security_alert";
            case PbxEvent.VoicemailLeft v -> "voicemail_left";
            case PbxEvent.OriginateProgress o -> "originate_progress";
            case PbxEvent.QueueActivity q -> "queue_activity";
            case PbxEvent.EmergencyCall e -> "emergency_call";
        };
    }

    private void write(String text) {
        if (isClosed()) {
            return;
        }
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            close();
        }
    }
}
