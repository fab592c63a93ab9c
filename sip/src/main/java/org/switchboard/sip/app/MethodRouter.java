package org.switchboard.sip.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.switchboard.sip.dialog.DialogTable;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;

/**
 * A {@link SipApplication} that sends each request to the handler registered for its method and
 * answers any other method with 405 and an Allow header (RFC 3261 §8.2.1); given a {@link
 * DialogTable}, it answers in-dialog requests for unknown dialogs with 481 (§12.2.2). Built once at start-up;
 * its callbacks run on the Call-ID's serial executor.
 */
public final class MethodRouter implements SipApplication {
    private final Map<SipMethod, RequestHandler> handlers;
    private final BiConsumer<SipRequest, Flow> ackHandler;
    private final Consumer<ServerTransaction> cancelledHandler;
    private final Consumer<ServerTransaction> ackTimeoutHandler;
    private final String allow;
    private final Optional<DialogTable> dialogs;

    private MethodRouter(Builder b) {
        this.handlers = Map.copyOf(b.handlers);
        this.dialogs = b.dialogs;
        this.ackHandler = b.ackHandler;
        this.cancelledHandler = b.cancelledHandler;
        this.ackTimeoutHandler = b.ackTimeoutHandler;
        // ACK and CANCEL are always accepted: the stack handles them (RFC 3261 §9.2, §17).
        this.allow = b.handlers.keySet().stream().map(SipMethod::name).collect(Collectors.joining(", "))
                + ", ACK, CANCEL";
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        SipRequest request = transaction.request();
        if (dialogs.isPresent() && !request.isInitial() && dialogs.get().find(request).isEmpty()) {
            // RFC 3261 §12.2.2: an in-dialog request for a dialog we do not know.
            transaction.respond(request.createResponse(481));
            return;
        }
        RequestHandler handler = handlers.get(transaction.method());
        if (handler == null) {
            transaction.respond(transaction.request().createResponse(405)
                    .withToTag(RandomTokens.tag())
                    .withHeader(HeaderName.ALLOW, allow));
            return;
        }
        handler.handle(transaction);
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        ackHandler.accept(ack, flow);
    }

    @Override
    public void onCancelled(ServerTransaction invite) {
        cancelledHandler.accept(invite);
    }

    @Override
    public void onAckTimeout(ServerTransaction invite) {
        ackTimeoutHandler.accept(invite);
    }

    /** Collects the handlers; use from one thread at start-up. */
    public static final class Builder {
        private final Map<SipMethod, RequestHandler> handlers = new LinkedHashMap<>();
        private BiConsumer<SipRequest, Flow> ackHandler = (ack, flow) -> {};
        private Consumer<ServerTransaction> cancelledHandler = tx -> {};
        private Consumer<ServerTransaction> ackTimeoutHandler = tx -> {};
        private Optional<DialogTable> dialogs = Optional.empty();

        private Builder() {}

        /**
         * Answers in-dialog requests (To tag present) whose dialog is not in {@code table} with 481
         * before any handler sees them.
         */
        public Builder dialogs(DialogTable table) {
            this.dialogs = Optional.of(table);
            return this;
        }

        /** Routes requests of {@code method} to {@code handler}. */
        public Builder on(SipMethod method, RequestHandler handler) {
            if (method.equals(SipMethod.ACK) || method.equals(SipMethod.CANCEL)) {
                throw new IllegalArgumentException(method + " is handled by the stack; use onAck/onCancelled");
            }
            if (handlers.putIfAbsent(method, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + method);
            }
            return this;
        }

        public Builder onAck(BiConsumer<SipRequest, Flow> handler) {
            this.ackHandler = handler;
            return this;
        }

        public Builder onCancelled(Consumer<ServerTransaction> handler) {
            this.cancelledHandler = handler;
            return this;
        }

        public Builder onAckTimeout(Consumer<ServerTransaction> handler) {
            this.ackTimeoutHandler = handler;
            return this;
        }

        public MethodRouter build() {
            return new MethodRouter(this);
        }
    }
}
