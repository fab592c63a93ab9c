package org.switchboard.pbx.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.switchboard.pbx.event.PbxEvent;

/**
 * Turns bus events into webhook bodies {@code {"event":..., "id":..., "at":..., "data":{...}}}.
 * {@code CallAnswered} and {@code CallEnded} carry only the call's id, so the parties named by its
 * {@code CallStarted} are remembered until it ends, and every call body names both. Events that
 * are no webhook's business (settings, QoS) give nothing.
 *
 * <p>Owned by the dispatcher's bus subscription thread; not thread-safe.
 */
final class WebhookPayloads {
    /** Calls remembered at most; a call whose end never came is forgotten first. */
    static final int MAX_CALLS = 10_000;

    /** One event as it is sent: its name, its id and the exact body. */
    record Payload(String event, String id, String body) {}

    private record Parties(String caller, String callee) {}

    private final Map<String, Parties> calls = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parties> eldest) {
            return size() > MAX_CALLS;
        }
    };

    Optional<Payload> of(PbxEvent event) {
        return switch (event) {
            case PbxEvent.CallStarted s -> {
                Parties parties = new Parties(s.caller(), s.callee());
                calls.put(s.callId(), parties);
                yield payload("call.started", event, call(s.callId(), parties));
            }
            case PbxEvent.CallAnswered a -> payload("call.answered", event, call(a.callId(), parties(a.callId())));
            case PbxEvent.CallEnded e -> {
                Parties parties = Optional.ofNullable(calls.remove(e.callId())).orElse(new Parties("", ""));
                yield payload("call.ended", event, call(e.callId(), parties)
                        .put("disposition", e.disposition())
                        .put("hangup_cause", e.hangupCause() == null ? "" : e.hangupCause()));
            }
            case PbxEvent.RegistrationChanged r -> payload("registration.changed", event, new JsonObject()
                    .put("extension", r.extension())
                    .put("bindings", r.bindings())
                    .put("registered", r.bindings() > 0));
            case PbxEvent.VoicemailLeft v -> payload("voicemail.left", event, new JsonObject()
                    .put("box", v.box())
                    .put("message_id", v.messageId())
                    .put("caller_number", v.callerNumber())
                    .put("caller_name", v.callerName())
                    .put("duration_seconds", v.duration().toSeconds()));
            case PbxEvent.ConfigChanged c -> Optional.empty();
            case PbxEvent.SecurityAlert a -> Optional.empty();
            case PbxEvent.OriginateProgress o -> Optional.empty(); // call.started/answered/ended tell webhooks the rest
            case PbxEvent.QueueActivity q -> Optional.empty();
            case PbxEvent.EmergencyCall e -> payload("emergency.call", event, new JsonObject()
                    .put("call_id", e.callId())
                    .put("extension", e.extension())
                    .put("name", e.name())
                    .put("number", e.number())
                    .put("callback_number", e.callbackNumber())
                    .put("location", e.location()));
        };
    }

    /** How many calls are remembered (for tests). */
    int callsRemembered() {
        return calls.size();
    }

    private Parties parties(String callId) {
        return Optional.ofNullable(calls.get(callId)).orElse(new Parties("", ""));
    }

    private static JsonObject call(String callId, Parties parties) {
        return new JsonObject().put("call_id", callId).put("caller", parties.caller()).put("callee", parties.callee());
    }

    private static Optional<Payload> payload(String name, PbxEvent event, JsonObject data) {
        String id = UUID.randomUUID().toString();
        String body = new JsonObject().put("event", name).put("id", id).put("at", event.at().toString())
                .put("data", data).toString();
        return Optional.of(new Payload(name, id, body));
    }
}
