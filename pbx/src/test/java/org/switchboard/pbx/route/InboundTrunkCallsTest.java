package org.switchboard.pbx.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.switchboard.pbx.call.TrunkCalls.Screening;
import org.switchboard.pbx.call.TrunkCalls.TrunkCall;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.pbx.stirshaken.CertificateRepository;
import org.switchboard.pbx.stirshaken.IdentityVerifier;
import org.switchboard.pbx.stirshaken.InboundIdentityCheck;
import org.switchboard.pbx.stirshaken.TrustAnchors;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.pbx.trunk.TrunkInput;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.store.route.JdbiInboundRouteStore;
import org.switchboard.store.route.NewInboundRoute;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;

/**
 * Which INVITEs are carriers' calls, and how their caller's identity is screened, with real trunk and route stores on both engines: a source in
 * an enabled trunk's inbound addresses (address or CIDR range) is that trunk's, with the DID from
 * the Request-URI and the caller from P-Asserted-Identity (else From) and the DID's route or the
 * default; any other source, or a disabled trunk's, is nobody's (an extension's call, challenged).
 */
class InboundTrunkCallsTest {
    private TrunkService trunks;
    private InboundRouteService routes;
    private InboundTrunkCalls calls;

    private void start(TestDatabase db) {
        trunks = new TrunkService(new JdbiSipTrunkStore(db.database()), new DeviceSecretCipher(DeviceSecretCipher.newKey()),
                Clock.systemUTC(), new EventBus());
        trunks.create(trunk("carrier", List.of("192.0.2.0/24"), true), "test");
        trunks.create(trunk("old", List.of("198.51.100.7"), false), "test");
        routes = new InboundRouteService(new JdbiInboundRouteStore(db.database()),
                DestinationKinds.builtIn(number -> Optional.of(true)), Clock.systemUTC(), new EventBus());
        calls = new InboundTrunkCalls(trunks, routes, Optional.empty());
    }

    private static TrunkInput trunk(String name, List<String> addresses, boolean enabled) {
        return new TrunkInput(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(), Optional.empty(),
                Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), addresses, enabled);
    }

    private static SipRequest invite(String did, String pai) {
        SipRequest.Builder b = SipRequest.builder(SipMethod.INVITE, SipUri.parse("sip:" + did + "@pbx.test"))
                .from(NameAddress.parse("<sip:15559990000@carrier.test>;tag=a1"))
                .to(NameAddress.parse("<sip:" + did + "@pbx.test>"))
                .callId("c1@test").cseq(1).maxForwards(70).contact(NameAddress.of(SipUri.parse("sip:carrier.test")));
        if (pai != null) {
            b.header("P-Asserted-Identity", pai);
        }
        return b.build();
    }

    private static InetSocketAddress from(String ip) {
        return new InetSocketAddress(ip, 5060);
    }

    @BothEngines
    void aCallFromATrunksRangeIsItsAndGoesWhereItsDidRoutes(TestDatabase db) {
        start(db);
        routes.create(new NewInboundRoute("15550001000", "extension", "1002"), "test");

        Optional<TrunkCall> call = calls.recognise(invite("15550001000", "<tel:+15558887777>"), from("192.0.2.99"));

        assertThat(call).contains(new TrunkCall("carrier", "15558887777", "15550001000",
                Optional.of(new Destination("extension", "1002"))));
        assertThat(calls.recognise(invite("15550001000", null), from("192.0.2.1")).orElseThrow().caller())
                .as("From without P-Asserted-Identity").isEqualTo("15559990000");
    }

    @BothEngines
    void anExtensionsDidIsTheFirstRouteThatRingsItAndNeverTheDefault(TestDatabase db) {
        start(db);
        routes.create(new NewInboundRoute("*", "extension", "1002"), "test");
        assertThat(routes.didOf("1002")).as("the default is nobody's own number").isEmpty();
        routes.create(new NewInboundRoute("15550003002", "extension", "1002"), "test");
        routes.create(new NewInboundRoute("15550004000", "extension", "1003"), "test");

        assertThat(routes.didOf("1002")).contains("15550003002");
        assertThat(routes.didOf("1003")).contains("15550004000");
        assertThat(routes.didOf("1004")).isEmpty();
    }

    @BothEngines
    void anUnknownDidGoesToTheDefaultOrNowhere(TestDatabase db) {
        start(db);

        assertThat(calls.recognise(invite("15550002000", null), from("192.0.2.5")).orElseThrow().destination())
                .as("no route and no default: refused with 404 by call control").isEmpty();
        routes.create(new NewInboundRoute("*", "extension", "1000"), "test");
        assertThat(calls.recognise(invite("15550002000", null), from("192.0.2.5")).orElseThrow().destination())
                .contains(new Destination("extension", "1000"));
    }

    @BothEngines
    void withoutVerificationTheCallIsAdmittedWithTheCarriersAssertedCaller(TestDatabase db) throws Exception {
        start(db);
        CompletableFuture<Screening> screened = new CompletableFuture<>();

        calls.screen(invite("15550001000", "<tel:+15558887777>"), Runnable::run, screened::complete);

        assertThat(screened.get(5, TimeUnit.SECONDS)).isEqualTo(new Screening.Admit(Optional.of("<tel:+15558887777>")));
    }

    @BothEngines
    void aFailedIdentityIsRefusedWhenThePolicySays(TestDatabase db) throws Exception {
        start(db);
        Instant now = Instant.now();
        StiPki.Issued ca = StiPki.rootCa("CN=Test STI-CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        try (IdentityVerifier verifier = new IdentityVerifier(new TrustAnchors(List.of(ca.certificate())),
                new CertificateRepository(Duration.ofSeconds(2), false, Clock.systemUTC()), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Clock.systemUTC())) {
            InboundTrunkCalls refusing = new InboundTrunkCalls(trunks, routes,
                    Optional.of(new InboundIdentityCheck(verifier, true)));
            CompletableFuture<Screening> screened = new CompletableFuture<>();

            refusing.screen(invite("15550001000", "<tel:+15558887777>").withHeader("Identity", "not-a-passport"),
                    Runnable::run, screened::complete);

            assertThat(screened.get(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(Screening.Refuse.class,
                    r -> assertThat(r.status()).isEqualTo(438));
        }
    }

    @BothEngines
    void otherSourcesAndDisabledTrunksAreNoTrunksCalls(TestDatabase db) {
        start(db);
        routes.create(new NewInboundRoute("*", "extension", "1000"), "test");

        assertThat(calls.recognise(invite("15550001000", null), from("203.0.113.9"))).as("no trunk's address").isEmpty();
        assertThat(calls.recognise(invite("15550001000", null), from("198.51.100.7"))).as("a disabled trunk's").isEmpty();
    }
}
