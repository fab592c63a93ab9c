package org.switchboard.server.wiring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.sip.transport.InputFault;
import org.switchboard.sip.transport.StackMetrics;
import org.switchboard.sip.transport.Transport;

/**
 * The SIP stack's counters in {@code /metrics}: {@code switchboard_sip_messages_received_total} and
 * {@code switchboard_sip_messages_sent_total} by {@code transport}, {@code
 * switchboard_sip_malformed_input_total} by {@code transport} and {@code fault} (the fixed
 * {@link InputFault} set, so a sender cannot invent series), retransmissions sent and absorbed,
 * requests shed. Every series exists from the start. Thread-safe and non-blocking, as
 * {@link StackMetrics} requires.
 */
final class SipStackMeters implements StackMetrics {
    private final Map<Transport, Counter> received = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> sent = new EnumMap<>(Transport.class);
    private final Map<Transport, Map<InputFault, Counter>> malformed = new EnumMap<>(Transport.class);
    private final Counter retransmissions;
    private final Counter absorbed;
    private final Counter shed;

    SipStackMeters(MeterRegistry registry) {
        for (Transport t : Transport.values()) {
            String transport = t.name().toLowerCase(Locale.ROOT);
            received.put(t, Counter.builder("switchboard.sip.messages.received")
                    .description("SIP messages received and framed").tag("transport", transport).register(registry));
            sent.put(t, Counter.builder("switchboard.sip.messages.sent")
                    .description("SIP messages handed to a channel").tag("transport", transport).register(registry));
            Map<InputFault, Counter> byFault = new EnumMap<>(InputFault.class);
            for (InputFault fault : InputFault.values()) {
                byFault.put(fault, Counter.builder("switchboard.sip.malformed.input")
                        .description("SIP input that could not be framed or parsed (answered 400/505 or dropped)")
                        .tag("transport", transport).tag("fault", fault.label()).register(registry));
            }
            malformed.put(t, byFault);
        }
        retransmissions = Counter.builder("switchboard.sip.retransmissions")
                .description("requests and responses retransmitted by transactions").register(registry);
        absorbed = Counter.builder("switchboard.sip.retransmissions.absorbed")
                .description("retransmissions received and absorbed by their transaction").register(registry);
        shed = Counter.builder("switchboard.sip.requests.shed")
                .description("new requests answered 503 because the call executors were backed up").register(registry);
    }

    @Override
    public void messageReceived(Transport transport) {
        received.get(transport).increment();
    }

    @Override
    public void messageSent(Transport transport) {
        sent.get(transport).increment();
    }

    @Override
    public void parseFailure(Transport transport, InputFault fault) {
        malformed.get(transport).get(fault).increment();
    }

    @Override
    public void retransmission() {
        retransmissions.increment();
    }

    @Override
    public void retransmissionAbsorbed() {
        absorbed.increment();
    }

    @Override
    public void requestShed() {
        shed.increment();
    }
}
