package org.switchboard.sip.app;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.InboundMessages;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transaction.ServerTransactionUser;
import org.switchboard.sip.transaction.SipTimer;
import org.switchboard.sip.transaction.TransactionLayer;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.FrameReceiver;
import org.switchboard.sip.transport.InputFaultLog;
import org.switchboard.sip.transport.SourceGuard;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportLayer;

/**
 * The running SIP stack: transports, the shared timer, the transaction layer and the per-Call-ID
 * executors, wired to one {@link SipApplication}. {@link #start} and {@link #close} are called by
 * the thread that owns the server's lifecycle; {@link #cancel} on the serial executor of the
 * INVITE's Call-ID ({@link #executorFor}); the rest from any thread.
 */
public final class SipStack implements AutoCloseable {
    private final SipTimer timer;
    private final CallExecutors executors;
    private final TransportLayer transports;
    private final TransactionLayer transactions;
    private final String advertisedHost;

    private SipStack(SipStackSettings settings, SipApplication application, SourceGuard guard) {
        timer = new SipTimer();
        advertisedHost = settings.advertisedHost();
        executors = new CallExecutors(settings.callThreads());
        FrameReceiver[] inbound = new FrameReceiver[1];
        // The transport needs the receiver and the receiver needs the transaction layer, which
        // needs the transport: the array closes the loop before any byte can arrive.
        transports = new TransportLayer(settings.transport(), (bytes, flow) -> inbound[0].receive(bytes, flow),
                settings.metrics(), guard);
        OverloadSettings overload = settings.overload();
        BooleanSupplier overloaded = () -> executors.queuedTasks() >= overload.maxQueuedTasks();
        InputFaultLog faults = new InputFaultLog(Clock.systemUTC());
        transactions = new TransactionLayer(transports, settings.timers(), timer, executors::forCallId,
                settings.metrics(), new ApplicationAdapter(new UasChecks(settings.uas(), application, faults)),
                settings.advertisedHost(), overloaded, overload.retryAfter());
        // A quarter of the shedding limit: behind, but well before new requests are refused.
        int backlog = Math.max(1, overload.maxQueuedTasks() / 4);
        inbound[0] = new InboundDispatch(executors,
                new InboundMessages(SipParser.DEFAULT, transactions, settings.metrics(), faults),
                () -> executors.queuedTasks() >= backlog);
    }

    /** Starts a stack: binds its transports and returns once it accepts traffic. */
    public static SipStack start(SipStackSettings settings, SipApplication application) {
        return start(settings, application, SourceGuard.unlimited());
    }

    /**
     * Starts a stack whose transports drop what {@code guard} refuses (banned sources, sources over
     * their rate, connections over the limits) before it is parsed.
     */
    public static SipStack start(SipStackSettings settings, SipApplication application, SourceGuard guard) {
        SipStack stack = new SipStack(settings, application, guard);
        try {
            stack.transports.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The bound address of a transport's listener (the actual port when 0 was asked). */
    public InetSocketAddress localAddress(Transport transport) {
        return transports.localAddress(transport);
    }

    /** The host our Via and Contact name, as peers reach us ({@link SipStackSettings#advertisedHost()}). */
    public String advertisedHost() {
        return advertisedHost;
    }

    /** Whether a transport's listener is bound. */
    public boolean supports(Transport transport) {
        return transports.supports(transport);
    }

    /** The serial executor that owns everything with this Call-ID. */
    public Executor executorFor(String callId) {
        return executors.forCallId(callId);
    }

    /**
     * Runs everything with {@code callId} on the executor of {@code ownerCallId} until {@link
     * #leaveExecutor}: a call's legs with their own Call-IDs then share the call's executor. Call
     * before sending the leg's first request.
     */
    public void joinExecutor(String callId, String ownerCallId) {
        executors.join(callId, ownerCallId);
    }

    /** Ends a {@link #joinExecutor}; later messages of {@code callId} (strays) run on its own executor. */
    public void leaveExecutor(String callId) {
        executors.leave(callId);
    }

    /**
     * Sends a request in a new client transaction. Any thread may call; the listener is called on
     * {@link #executorFor} the request's Call-ID.
     */
    public ClientTransaction send(SipRequest request, Transport transport, InetSocketAddress destination,
            ClientTransactionListener<SipResponse> listener) {
        return transactions.send(request, transport, destination, listener);
    }

    /**
     * Cancels an INVITE we sent, once it has a provisional response and no final one (RFC 3261
     * §9.1); the INVITE's listener then gets the 487. Call on the INVITE's executor.
     *
     * @return whether a CANCEL was sent
     */
    public boolean cancel(ClientTransaction invite, ClientTransactionListener<SipResponse> listener) {
        return transactions.cancel(invite, listener);
    }

    /** As {@link #cancel(ClientTransaction, ClientTransactionListener)}, with {@code extra} header fields (a Reason). */
    public boolean cancel(ClientTransaction invite, ClientTransactionListener<SipResponse> listener, List<Header> extra) {
        return transactions.cancel(invite, listener, extra);
    }

    /** Sends an ACK for a 2xx (no transaction); returns it as sent, for resending unchanged. */
    public SipRequest sendStateless(SipRequest request, Transport transport, InetSocketAddress destination) {
        return transactions.sendStateless(request, transport, destination);
    }

    /** Sends an already sent stateless request again (the ACK for a retransmitted 2xx). */
    public void resend(SipRequest sent, Transport transport, InetSocketAddress destination) {
        transactions.resend(sent, transport, destination);
    }

    /** Number of open TCP and TLS connections. */
    public int openConnections() {
        return transports.openConnections();
    }

    @Override
    public void close() {
        transports.close();
        timer.close();
        executors.close();
    }

    /** Presents the application to the transaction layer. */
    private record ApplicationAdapter(SipApplication application) implements ServerTransactionUser {
        @Override
        public void onRequest(ServerTransaction transaction) {
            application.onRequest(transaction);
        }

        @Override
        public void onAck(SipRequest ack, Flow flow) {
            application.onAck(ack, flow);
        }

        @Override
        public void onCancelled(ServerTransaction invite) {
            application.onCancelled(invite);
        }

        @Override
        public void onAckTimeout(ServerTransaction invite) {
            application.onAckTimeout(invite);
        }
    }
}
