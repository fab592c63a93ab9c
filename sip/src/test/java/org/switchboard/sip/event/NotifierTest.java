package org.switchboard.sip.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.app.UdpPeer;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * The RFC 6665 notifier on a real stack on loopback, driven by a raw UDP subscriber: Expires
 * rules, the NOTIFY after SUBSCRIBE and after a change, expiry, unsubscribing, and a NOTIFY
 * refused with 481 ending the subscription. The package under test names the Request-URI's user
 * as the resource and notifies a text state the test sets.
 */
class NotifierTest {
    private static final Pattern TO_TAG = Pattern.compile("(?m)^To: .*;tag=([^;\\r\\n]+)");
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private Notifier notifier;
    private SipStack stack;
    private UdpPeer phone;
    private InetSocketAddress udp;

    /** Resource = the Request-URI user; "nobody" is refused with 403 as a package may. */
    private final EventPackage dummy = new EventPackage() {
        @Override
        public String name() {
            return "dummy";
        }

        @Override
        public Optional<String> admit(ServerTransaction subscribe) {
            String user = ((SipUri) subscribe.request().requestUri()).user().orElseThrow();
            if (user.equals("nobody")) {
                subscribe.respond(subscribe.request().createResponse(403).withToTag("refused"));
                return Optional.empty();
            }
            return Optional.of(user);
        }

        @Override
        public CompletionStage<EventState> state(String resource) {
            return CompletableFuture.completedFuture(new EventState("text/plain",
                    states.getOrDefault(resource, "none").getBytes(StandardCharsets.US_ASCII)));
        }
    };

    private void start(NotifierSettings settings) throws Exception {
        notifier = new Notifier(java.util.List.of(dummy), settings, "127.0.0.1", scheduler, Clock.systemUTC());
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                new StackCounters()), MethodRouter.builder().on(SipMethod.SUBSCRIBE, notifier::onSubscribe).build());
        notifier.attach(stack);
        udp = stack.localAddress(Transport.UDP);
        phone = new UdpPeer();
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (notifier != null) {
            notifier.close();
        }
        if (stack != null) {
            stack.close();
        }
        scheduler.shutdownNow();
    }

    private String subscribe(String user, String callId, int cseq, String toTag, String event, String expires) {
        return "SUBSCRIBE sip:" + user + "@127.0.0.1:" + udp.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK" + callId + cseq + ";rport\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=sub1\r\n"
                + "To: <sip:" + user + "@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " SUBSCRIBE\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + phone.port() + ">\r\n"
                + (event == null ? "" : "Event: " + event + "\r\n")
                + (expires == null ? "" : "Expires: " + expires + "\r\n")
                + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    /** Answers a NOTIFY we received with {@code status}, echoing its transaction headers. */
    private void answer(String notify, int status) throws Exception {
        StringBuilder response = new StringBuilder("SIP/2.0 " + status + " Answer\r\n");
        for (String line : notify.split("\r\n")) {
            if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("To:")
                    || line.startsWith("Call-ID:") || line.startsWith("CSeq:")) {
                response.append(line).append("\r\n");
            }
        }
        phone.send(response.append("Content-Length: 0\r\n\r\n").toString(), udp);
    }

    private static String toTag(String response) {
        Matcher m = TO_TAG.matcher(response);
        assertThat(m.find()).as("To tag in %s", response).isTrue();
        return m.group(1);
    }

    @Test
    void subscribeIsAcceptedWithExpiresCutToTheMaximumAndFollowedByANotifyOfTheState() throws Exception {
        start(new NotifierSettings(Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(3600),
                NotifierSettings.MAX_PER_RESOURCE));
        states.put("1001", "state-A");

        phone.send(subscribe("1001", "s1", 1, null, "dummy;id=4", "7200"), udp);

        String ok = phone.receive();
        assertThat(ok).startsWith("SIP/2.0 200").contains("Expires: 3600").contains("Contact: <sip:127.0.0.1:" + udp.getPort());
        String notify = phone.receive();
        assertThat(notify).startsWith("NOTIFY sip:1001@127.0.0.1:" + phone.port())
                .contains("Event: dummy;id=4", "Content-Type: text/plain", "From: <sip:1001@127.0.0.1>;tag=" + toTag(ok))
                .containsPattern("Subscription-State: active;expires=(3600|3599)")
                .endsWith("state-A");
        answer(notify, 200);
        assertThat(notifier.size()).isEqualTo(1);
    }

    @Test
    void aChangeIsNotifiedToTheResourcesSubscribersOnly() throws Exception {
        start(NotifierSettings.DEFAULTS);
        phone.send(subscribe("1001", "s2", 1, null, "dummy", null), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 200").contains("Expires: 3600");
        answer(phone.receive(), 200);

        states.put("1002", "other");
        notifier.publish("dummy", "1002");
        states.put("1001", "changed");
        notifier.publish("DUMMY", "1001");

        String notify = phone.receive();
        assertThat(notify).startsWith("NOTIFY").contains("CSeq: 2 NOTIFY").endsWith("changed");
        answer(notify, 200);
        assertThat(phone.receiveWithin(300)).as("nothing for another resource").isEmpty();
    }

    @Test
    void tooShortAnExpiresIsRefusedWith423NamingTheMinimum() throws Exception {
        start(NotifierSettings.DEFAULTS);

        phone.send(subscribe("1001", "s3", 1, null, "dummy", "10"), udp);

        assertThat(phone.receive()).startsWith("SIP/2.0 423").contains("Min-Expires: 60");
        assertThat(notifier.size()).isZero();
    }

    @Test
    void anUnknownOrMissingEventPackageIsABadEventNamingTheKnownOnes() throws Exception {
        start(NotifierSettings.DEFAULTS);

        phone.send(subscribe("1001", "s4", 1, null, "presence", "600"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 489").contains("Allow-Events: dummy");
        phone.send(subscribe("1001", "s5", 1, null, null, "600"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 489");
    }

    @Test
    void aResourcePastItsSubscriptionLimitIsRefusedWith503UntilOneEnds() throws Exception {
        start(new NotifierSettings(Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(600), 2));
        String first = null;
        for (int i = 1; i <= 2; i++) {
            phone.send(subscribe("1001", "lim" + i, 1, null, "dummy", "600"), udp);
            String ok = phone.receive();
            assertThat(ok).startsWith("SIP/2.0 200");
            first = first == null ? toTag(ok) : first;
            answer(phone.receive(), 200);
        }

        phone.send(subscribe("1001", "lim3", 1, null, "dummy", "600"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 503").contains("Retry-After: 60");
        phone.send(subscribe("1002", "lim4", 1, null, "dummy", "600"), udp);
        assertThat(phone.receive()).as("another resource has its own limit").startsWith("SIP/2.0 200");
        answer(phone.receive(), 200);

        phone.send(subscribe("1001", "lim1", 2, first, "dummy", "0"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 200");
        answer(phone.receive(), 200);
        phone.send(subscribe("1001", "lim5", 1, null, "dummy", "600"), udp);
        assertThat(phone.receive()).as("room again after an unsubscribe").startsWith("SIP/2.0 200");
    }

    @Test
    void aRefusalByThePackageCreatesNoSubscription() throws Exception {
        start(NotifierSettings.DEFAULTS);

        phone.send(subscribe("nobody", "s6", 1, null, "dummy", "600"), udp);

        assertThat(phone.receive()).startsWith("SIP/2.0 403");
        assertThat(phone.receiveWithin(300)).isEmpty();
        assertThat(notifier.size()).isZero();
    }

    @Test
    void aSubscriptionNotRefreshedEndsWithATerminatingNotify() throws Exception {
        start(new NotifierSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 8));
        phone.send(subscribe("1001", "s7", 1, null, "dummy", "1"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 200").contains("Expires: 1");
        answer(phone.receive(), 200);

        String last = phone.receive(); // within the peer's 5 s read timeout

        assertThat(last).startsWith("NOTIFY").contains("Subscription-State: terminated;reason=timeout");
        answer(last, 200);
        assertThat(notifier.size()).isZero();
    }

    @Test
    void aRefreshExtendsAndExpiresZeroEndsTheSubscription() throws Exception {
        start(NotifierSettings.DEFAULTS);
        phone.send(subscribe("1001", "s8", 1, null, "dummy", "600"), udp);
        String ok = phone.receive();
        answer(phone.receive(), 200);
        String tag = toTag(ok);

        phone.send(subscribe("1001", "s8", 2, tag, "dummy", "1200"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 200").contains("Expires: 1200");
        String refreshed = phone.receive();
        assertThat(refreshed).containsPattern("Subscription-State: active;expires=(1200|1199)");
        answer(refreshed, 200);

        phone.send(subscribe("1001", "s8", 3, tag, "dummy", "0"), udp);
        assertThat(phone.receive()).startsWith("SIP/2.0 200").contains("Expires: 0");
        String last = phone.receive();
        assertThat(last).contains("Subscription-State: terminated");
        answer(last, 200);
        assertThat(notifier.size()).isZero();

        phone.send(subscribe("1001", "s8", 4, tag, "dummy", "600"), udp);
        assertThat(phone.receive()).as("a refresh of an ended subscription").startsWith("SIP/2.0 481");
    }

    @Test
    void aNotifyAnswered481EndsTheSubscription() throws Exception {
        start(NotifierSettings.DEFAULTS);
        phone.send(subscribe("1001", "s9", 1, null, "dummy", "600"), udp);
        phone.receive();

        answer(phone.receive(), 481);

        await().atMost(Duration.ofSeconds(5)).until(() -> notifier.size() == 0);
        notifier.publish("dummy", "1001");
        assertThat(phone.receiveWithin(300)).isEmpty();
    }

    @Test
    void aNotifyOutsideAnySubscriptionCarriesTheEventAndState() throws Exception {
        start(NotifierSettings.DEFAULTS);
        SipUri target = SipUri.parse("sip:1001@127.0.0.1:" + phone.port());

        notifier.notifyOutOfDialog(target, new NextHop(Transport.UDP, new InetSocketAddress("127.0.0.1", phone.port())),
                NameAddress.of(SipUri.of("1001", "pbx.test")), NameAddress.of(target), "dummy",
                new EventState("text/plain", "unasked".getBytes(StandardCharsets.US_ASCII)));

        String notify = phone.receive();
        assertThat(notify).startsWith("NOTIFY sip:1001@127.0.0.1:" + phone.port()).contains("Event: dummy", "CSeq: 1 NOTIFY",
                "Subscription-State: active").containsPattern("From: <sip:1001@pbx.test>;tag=").endsWith("unasked");
        answer(notify, 200);
        assertThat(notifier.notifiesSent()).isEqualTo(1);
    }
}
