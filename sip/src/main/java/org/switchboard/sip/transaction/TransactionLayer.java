package org.switchboard.sip.transaction;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.StackMetrics;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportLayer;
import org.switchboard.sip.transport.TransportSettings;

/**
 * Matches arriving messages to transactions and creates new ones (RFC 3261 §17). {@link
 * #receive} runs on any thread (an event loop, or the executor a message was handed to unparsed)
 * and only looks up, creates and hands over: every transaction's
 * state then lives on the serial executor of its Call-ID, where retransmissions are absorbed,
 * timers fire and the {@link ServerTransactionUser} is called. {@link #send} and {@link
 * #sendStateless} are called on that executor.
 */
public final class TransactionLayer {
    private static final Logger log = LoggerFactory.getLogger(TransactionLayer.class);

    private final TransportLayer transports;
    private final TimerSettings settings;
    private final ProtocolTimer timer;
    private final Function<String, Executor> executors;
    private final StackMetrics metrics;
    private final ServerTransactionUser tu;
    private final String sentByHost;
    private final BooleanSupplier overloaded;
    private final String retryAfterSeconds;
    private final Map<TransactionKey, ServerEntry> servers = new ConcurrentHashMap<>();
    private final Map<TransactionKey, ClientEntry> clients = new ConcurrentHashMap<>();
    /** INVITE server transactions whose 2xx awaits its ACK, keyed by Call-ID and CSeq number. */
    /** INVITE transactions whose 2xx awaits its ACK, by Call-ID then CSeq number (inner maps changed only inside compute). */
    private final Map<String, Map<Long, ServerTransaction>> awaiting2xxAck = new ConcurrentHashMap<>();
    /** Timer J of the completed non-INVITE server transactions over UDP, batched. */
    private final CompletedTransactions completed;

    private record ClientEntry(Executor executor, ResponseSink sink) {}

    @FunctionalInterface
    private interface ResponseSink {
        void receive(int status, SipResponse response);
    }

    /**
     * @param executors the serial executor for a Call-ID
     * @param sentByHost the host written in our Via sent-by (the address peers can reach us on)
     * @param overloaded whether the call executors are backed up: a new request outside a dialog
     *     is then answered 503 at once instead of queued (called on the receiving thread; must be cheap)
     * @param retryAfter the Retry-After of that 503
     */
    public TransactionLayer(TransportLayer transports, TimerSettings settings, ProtocolTimer timer,
            Function<String, Executor> executors, StackMetrics metrics, ServerTransactionUser tu, String sentByHost,
            BooleanSupplier overloaded, Duration retryAfter) {
        this.transports = transports;
        this.settings = settings;
        this.timer = timer;
        this.executors = executors;
        this.metrics = metrics;
        this.tu = tu;
        this.sentByHost = sentByHost;
        this.overloaded = overloaded;
        this.retryAfterSeconds = Long.toString(retryAfter.toSeconds());
        this.completed = new CompletedTransactions(timer, settings.transactionTimeout(), this::forget);
    }

    /**
     * Routes a parsed message to its transaction, or creates one; with {@code mayShed} false a new
     * request is never answered 503 for overload (it was admitted before it was parsed). Any thread.
     */
    public void receive(SipMessage message, Flow flow, boolean mayShed) {
        switch (message) {
            case SipRequest request -> receiveRequest(ViaRules.stampReceived(request, flow), flow, mayShed);
            case SipResponse response -> receiveResponse(response);
        }
    }

    private void receiveRequest(SipRequest request, Flow flow, boolean mayShed) {
        Executor executor = executors.apply(request.callId());
        TransactionKey key = TransactionKey.forServer(request);
        ServerEntry existing = servers.get(key);
        if (request.method().equals(SipMethod.ACK)) {
            ServerTransaction invite = existing instanceof ServerTransaction t ? t : null;
            executor.execute(() -> receiveAck(invite, request, flow));
            return;
        }
        if (existing == null) {
            if (mayShed && mayShed(request) && overloaded.getAsBoolean()) {
                shed(request, flow);
                return;
            }
            ServerTransaction created = new ServerTransaction(request, flow, key, executor, this::prepareResponse);
            existing = servers.putIfAbsent(key, created);
            if (existing == null) {
                executor.execute(() -> start(created));
                return;
            }
        }
        metrics.retransmissionAbsorbed();
        switch (existing) {
            case ServerEntry.Completed done -> done.executor().execute(done.machine()::receiveRetransmission);
            case ServerTransaction tx when tx.hasResponded() -> executor.execute(tx::receiveRetransmission);
            case ServerTransaction _ -> {
                // nothing to resend yet (RFC 3261 §17.2.1, §17.2.2): absorbed here, costing the
                // busy call executor no task
            }
        }
    }

    /**
     * New work a peer can take elsewhere or later: a request outside any dialog. In-dialog requests
     * (BYE ending a call frees work), CANCEL and ACK are never shed.
     */
    private static boolean mayShed(SipRequest request) {
        return !request.method().equals(SipMethod.CANCEL) && !request.to().hasTag();
    }

    /** RFC 3261 §21.5.4: 503 with Retry-After, sent statelessly, so shedding costs no transaction or task. */
    private void shed(SipRequest request, Flow flow) {
        metrics.requestShed();
        sendStatelessResponse(request.createResponse(503).withToTag(RandomTokens.tag())
                .withHeader(HeaderName.RETRY_AFTER, retryAfterSeconds), flow);
    }

    private void receiveAck(ServerTransaction invite, SipRequest ack, Flow flow) {
        if (invite != null && !invite.lastResponse().map(SipResponse::isSuccess).orElse(false)) {
            invite.receiveAck(); // ACK for our non-2xx: part of the INVITE transaction (§17.2.1)
            return;
        }
        ServerTransaction accepted = stopAwaitingAck(ack.callId(), ack.cseq().number(), null);
        if (accepted != null) {
            accepted.acknowledge2xx();
        }
        tu.onAck(ack, flow);
    }

    private void start(ServerTransaction tx) {
        TransactionTimers timers = new TransactionTimers(settings, timer, tx.executor(), metrics::retransmission);
        boolean reliable = tx.flow().transport().isReliable();
        if (tx.method().equals(SipMethod.INVITE)) {
            tx.attach(new ServerInviteTransaction(timers, reliable, () -> tu.onAckTimeout(tx), () -> forget(tx)));
            // RFC 3261 §17.2.1: 100 Trying within 200 ms; at once costs nothing and stops Timer A early.
            tx.respond(tx.request().createResponse(100));
        } else {
            // The end of Timer J must not hold the transaction (and its request) alive: only key and machine.
            TransactionKey key = tx.key();
            ServerNonInviteTransaction[] machine = new ServerNonInviteTransaction[1];
            machine[0] = new ServerNonInviteTransaction(timers, reliable, () -> forget(key, machine[0]),
                    () -> completed.add(key, machine[0]));
            tx.attach(machine[0]);
        }
        if (tx.method().equals(SipMethod.CANCEL)) {
            cancel(tx);
            return;
        }
        if (tx.method().equals(SipMethod.BYE)) {
            // A BYE proves the caller got our 2xx even if its ACK was lost: stop resending the 2xx.
            Map<Long, ServerTransaction> answered = awaiting2xxAck.remove(tx.request().callId());
            if (answered != null) {
                answered.values().forEach(ServerTransaction::acknowledge2xx);
            }
        }
        try {
            tu.onRequest(tx);
        } catch (RuntimeException e) {
            // An edge: a failing application must still answer, or the peer retransmits for 32 s.
            log.error("request handler failed method={} call_id={}", tx.method(), tx.request().callId(), e);
            if (!tx.isAnswered()) {
                tx.respond(tx.request().createResponse(500).withToTag(RandomTokens.tag()));
            }
        }
    }

    /** RFC 3261 §9.2: CANCEL answers 200 and ends a still pending INVITE with 487; else 481. */
    private void cancel(ServerTransaction cancelTx) {
        ServerTransaction invite = servers.get(TransactionKey.forServer(cancelTx.request(), SipMethod.INVITE))
                instanceof ServerTransaction t ? t : null;
        if (invite == null) {
            cancelTx.respond(cancelTx.request().createResponse(481).withToTag(RandomTokens.tag()));
            return;
        }
        // Same Call-ID, so the INVITE is owned by this executor too: safe to touch it here.
        String toTag = invite.lastResponse().flatMap(r -> r.to().tag()).orElseGet(RandomTokens::tag);
        cancelTx.respond(cancelTx.request().createResponse(200).withToTag(toTag));
        if (invite.isCancellable()) {
            invite.respond(invite.request().createResponse(487).withToTag(toTag));
            tu.onCancelled(invite);
        }
    }

    /** A non-INVITE transaction ended: drops its entry, live or completed, if it is still this machine's. */
    private void forget(TransactionKey key, ServerNonInviteTransaction machine) {
        servers.computeIfPresent(key, (k, entry) -> switch (entry) {
            case ServerEntry.Completed done -> done.machine() == machine ? null : entry;
            case ServerTransaction tx -> tx.runs(machine) ? null : entry;
        });
    }

    /**
     * Removes and returns the transaction awaiting the ACK for {@code callId}/{@code cseq} (only if it
     * is {@code expected}, when given).
     */
    private ServerTransaction stopAwaitingAck(String callId, long cseq, ServerTransaction expected) {
        ServerTransaction[] removed = new ServerTransaction[1];
        awaiting2xxAck.computeIfPresent(callId, (id, byCseq) -> {
            ServerTransaction current = byCseq.get(cseq);
            if (current != null && (expected == null || current == expected)) {
                removed[0] = byCseq.remove(cseq);
            }
            return byCseq.isEmpty() ? null : byCseq;
        });
        return removed[0];
    }

    private void forget(ServerTransaction tx) {
        servers.remove(tx.key(), tx);
        stopAwaitingAck(tx.request().callId(), tx.request().cseq().number(), tx);
    }

    /**
     * What puts a transaction's response on the wire, first time and on every retransmission: the
     * bytes and the destination are worked out once.
     */
    private Runnable prepareResponse(ServerTransaction tx, SipResponse response) {
        if (response.isSuccess() && tx.method().equals(SipMethod.INVITE)) {
            awaiting2xxAck.compute(response.callId(), (callId, byCseq) -> {
                Map<Long, ServerTransaction> map = byCseq == null ? new HashMap<>(2) : byCseq;
                map.put(response.cseq().number(), tx);
                return map;
            });
        }
        Runnable send = preparedStatelessResponse(response, tx.flow());
        if (response.isFinal() && tx.nonInviteMachine() != null) {
            // From here a retransmission only needs the machine (ServerEntry). Replaced before the
            // machine completes, on its own executor, so a retransmission posted meanwhile runs after.
            servers.replace(tx.key(), tx, new ServerEntry.Completed(tx.nonInviteMachine(), tx.executor()));
        }
        return send;
    }

    /** Sends a response outside any transaction, per the Via rules, to a request that came on {@code requestFlow}. */
    void sendStatelessResponse(SipResponse response, Flow requestFlow) {
        preparedStatelessResponse(response, requestFlow).run();
    }

    /**
     * Sends a response back to the address and port {@code requestFlow} came from, ignoring the
     * Via: for an answer to a request whose top Via could not be read.
     */
    void sendToSource(SipResponse response, Flow requestFlow) {
        int status = response.status();
        transports.send(response.toBytes(), requestFlow).whenComplete((flow, error) -> {
            if (error != null) {
                log.debug("response send failed status={} to={} reason={}", status, requestFlow, error.toString());
            }
        });
    }

    private Runnable preparedStatelessResponse(SipResponse response, Flow requestFlow) {
        Flow target;
        int status = response.status(); // the closures keep the bytes and the status, not the message
        try {
            target = ViaRules.responseFlow(response, requestFlow);
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage();
            return () -> log.warn("response not sent status={} reason={}", status, reason);
        }
        byte[] bytes = response.toBytes();
        return () -> transports.send(bytes, target).whenComplete((flow, error) -> {
            if (error != null) {
                log.debug("response send failed status={} to={} reason={}", status, target, error.toString());
            }
        });
    }

    private void receiveResponse(SipResponse response) {
        ClientEntry entry = TransactionKey.forClient(response).map(clients::get).orElse(null);
        if (entry == null) {
            // RFC 3261 §18.1.2: a response matching no transaction is discarded.
            log.debug("stray response dropped status={} call_id={}", response.status(), response.callId());
            return;
        }
        entry.executor().execute(() -> entry.sink().receive(response.status(), response));
    }

    /**
     * Sends a request in a new client transaction to {@code destination}, pushing our Via with a
     * fresh branch. A UDP request over the 1300 byte MTU limit goes over TCP when TCP is enabled
     * (RFC 3261 §18.1.1); when the TCP connection cannot be made (a peer that only listens on UDP
     * resets it) the request is sent again over UDP, as §18.1.1 asks, rather than failing. Any
     * thread may call; the transaction starts on, and the listener is called on, the serial
     * executor of the request's Call-ID.
     */
    public ClientTransaction send(SipRequest request, Transport transport, InetSocketAddress destination,
            ClientTransactionListener<SipResponse> listener) {
        String branch = RandomTokens.branch();
        SipRequest out = request.withViaPushed(via(transport, branch));
        byte[] bytes = out.toBytes();
        if (transport == Transport.UDP && bytes.length > TransportSettings.UDP_MTU_LIMIT_BYTES
                && transports.supports(Transport.TCP)) {
            SipRequest overTcp = request.withViaPushed(via(Transport.TCP, branch));
            UdpRetry retry = new UdpRetry(out, bytes, destination, listener);
            retry.first = startClient(overTcp, overTcp.toBytes(), Transport.TCP, destination, retry);
            return retry.first;
        }
        return startClient(out, bytes, transport, destination, listener);
    }

    /**
     * RFC 3261 §18.1.1: a request moved to TCP for its size whose connection fails is sent again
     * over UDP (same branch: the TCP transaction is over by then). Passes everything else to the
     * TU's listener. Owned by the request's Call-ID executor.
     */
    private final class UdpRetry implements ClientTransactionListener<SipResponse> {
        private final SipRequest overUdp;
        private final byte[] bytes;
        private final InetSocketAddress destination;
        private final ClientTransactionListener<SipResponse> tu;
        private ClientTransaction first;
        private boolean retried;

        UdpRetry(SipRequest overUdp, byte[] bytes, InetSocketAddress destination, ClientTransactionListener<SipResponse> tu) {
            this.overUdp = overUdp;
            this.bytes = bytes;
            this.destination = destination;
            this.tu = tu;
        }

        @Override
        public void onProvisional(SipResponse response) {
            tu.onProvisional(response);
        }

        @Override
        public void onFinal(SipResponse response) {
            tu.onFinal(response);
        }

        @Override
        public void onTimeout() {
            tu.onTimeout();
        }

        @Override
        public void onTransportError(Throwable cause) {
            if (retried) {
                tu.onTransportError(cause);
                return;
            }
            retried = true;
            log.info("large request sent over UDP: TCP failed method={} call_id={} bytes={} destination={} reason={}",
                    overUdp.method(), overUdp.callId(), bytes.length, destination, cause.toString());
            first.movedTo(startClient(overUdp, bytes, Transport.UDP, destination, tu));
        }
    }

    /**
     * Cancels an INVITE we sent (RFC 3261 §9.1): a CANCEL with the INVITE's Request-URI, Call-ID,
     * From, To, CSeq number, top Via (same branch) and Route, in its own client transaction. Only
     * once a provisional response has arrived and before a final one; otherwise nothing is sent.
     * Call on the INVITE's executor.
     *
     * @return whether a CANCEL was sent
     */
    public boolean cancel(ClientTransaction invite, ClientTransactionListener<SipResponse> listener) {
        return cancel(invite, listener, List.of());
    }

    /** As {@link #cancel(ClientTransaction, ClientTransactionListener)}, the CANCEL carrying {@code extra} (a Reason, RFC 3326). */
    public boolean cancel(ClientTransaction invite, ClientTransactionListener<SipResponse> listener, List<Header> extra) {
        if (!invite.isCancellable()) {
            return false;
        }
        SipRequest sent = invite.request();
        SipRequest.Builder cancel = SipRequest.builder(SipMethod.CANCEL, sent.requestUri())
                .via(sent.topVia().orElseThrow())
                .from(sent.from())
                .to(sent.to())
                .callId(sent.callId())
                .cseq(sent.cseq().number())
                .maxForwards(70);
        for (String route : sent.headers().values(HeaderName.ROUTE)) {
            cancel.header(HeaderName.ROUTE, route);
        }
        extra.forEach(header -> cancel.header(header.name(), header.value()));
        SipRequest out = cancel.build();
        // §9.1: the CANCEL goes where the INVITE went.
        startClient(out, out.toBytes(), invite.flow().transport(), invite.flow().remote(), listener);
        return true;
    }

    private ClientTransaction startClient(SipRequest out, byte[] bytes, Transport transport,
            InetSocketAddress destination, ClientTransactionListener<SipResponse> listener) {
        Executor executor = executors.apply(out.callId());
        TransactionKey key = TransactionKey.forClient(out.topVia().flatMap(Via::branch).orElseThrow(), out.method());
        ClientStarter starter = new ClientStarter(out, bytes, transport, destination, executor, key, listener);
        starter.start();
        return new ClientTransaction(out, new Flow(transport, transports.localAddress(transport), destination),
                starter.invite);
    }

    /**
     * Sends a request outside any transaction (the ACK for a 2xx, RFC 3261 §13.2.2.4) with a fresh
     * Via branch, and returns it as sent so it can be sent again unchanged.
     */
    public SipRequest sendStateless(SipRequest request, Transport transport, InetSocketAddress destination) {
        SipRequest out = request.withViaPushed(via(transport, RandomTokens.branch()));
        resend(out, transport, destination);
        return out;
    }

    /** Sends an already complete request again, e.g. the ACK for a retransmitted 2xx. */
    public void resend(SipRequest sent, Transport transport, InetSocketAddress destination) {
        transports.send(sent.toBytes(), transport, destination).whenComplete((flow, error) -> {
            if (error != null) {
                log.debug("stateless send failed method={} to={} reason={}", sent.method(), destination, error.toString());
            }
        });
    }

    private Via via(Transport transport, String branch) {
        Via via = Via.of(transport.viaName(), sentByHost, OptionalInt.of(transports.localAddress(transport).getPort()), branch);
        return via.withParameters(via.parameters().with("rport")); // RFC 3581 §3: ask for symmetric responses
    }

    /** Builds and starts one client machine; a class so the send callback can reach the machine. */
    private final class ClientStarter {
        private final SipRequest out;
        private final byte[] bytes;
        private final Transport transport;
        private final InetSocketAddress destination;
        private final Executor executor;
        private final TransactionKey key;
        private final ClientTransactionListener<SipResponse> listener;
        private ClientInviteTransaction<SipResponse> invite;
        private ClientNonInviteTransaction<SipResponse> nonInvite;

        ClientStarter(SipRequest out, byte[] bytes, Transport transport, InetSocketAddress destination,
                Executor executor, TransactionKey key, ClientTransactionListener<SipResponse> listener) {
            this.out = out;
            this.bytes = bytes;
            this.transport = transport;
            this.destination = destination;
            this.executor = executor;
            this.key = key;
            this.listener = listener;
        }

        void start() {
            TransactionTimers timers = new TransactionTimers(settings, timer, executor, metrics::retransmission);
            Runnable terminated = () -> clients.remove(key);
            if (out.method().equals(SipMethod.INVITE)) {
                invite = new ClientInviteTransaction<>(timers, transport.isReliable(), this::sendOnce,
                        response -> resend(NonSuccessAck.of(out, response), transport, destination), listener, terminated);
                clients.put(key, new ClientEntry(executor, invite::receiveResponse));
                executor.execute(invite::start); // the machine lives on the Call-ID's executor
            } else {
                nonInvite = new ClientNonInviteTransaction<>(timers, transport.isReliable(), this::sendOnce, listener,
                        terminated);
                clients.put(key, new ClientEntry(executor, nonInvite::receiveResponse));
                executor.execute(nonInvite::start);
            }
        }

        private void sendOnce() {
            transports.send(bytes, transport, destination).whenComplete((flow, error) -> {
                if (error != null) {
                    executor.execute(() -> {
                        if (invite != null) {
                            invite.transportFailed(error);
                        } else {
                            nonInvite.transportFailed(error);
                        }
                    });
                }
            });
        }
    }
}
