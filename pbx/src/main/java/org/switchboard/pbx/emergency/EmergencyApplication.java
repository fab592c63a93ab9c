package org.switchboard.pbx.emergency;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.TrunkAttempt;
import org.switchboard.pbx.call.TrunkDial;
import org.switchboard.pbx.route.TrunkAttempts;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.store.emergency.CivicAddress;
import org.switchboard.store.emergency.EmergencySettings;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The application of kind {@code emergency}: relays the caller to the emergency trunks in order
 * ({@link EmergencyTrunks}, failing over as outbound routes do), each INVITE built as an outbound
 * route's ({@link TrunkAttempts}) with the number as dialled, the callback number (the caller's DID,
 * else the configured one, else the extension) as From and P-Asserted-Identity, and, when the
 * extension has a location, the PIDF-LO in a {@code multipart/mixed} body with {@code Geolocation:
 * <cid:...>} and {@code Geolocation-Routing: yes} (RFC 6442). The trunk's channel is taken even
 * when it is at its limit. The notices go out as the call starts ({@link EmergencyNotifier}).
 *
 * <p>{@code start} runs on the call's executor and never blocks (memory only).
 */
public final class EmergencyApplication implements Application {
    private static final Logger log = LoggerFactory.getLogger(EmergencyApplication.class);

    private final EmergencyService service;
    private final EmergencyTrunks trunks;
    private final TrunkAttempts attempts;
    private final TrunkDial.Channels channels;
    private final Function<String, Optional<String>> didOf;
    private final EmergencyNotifier notifier;
    private final String domain;
    private final Clock clock;
    private final Duration ringTimeout;

    /**
     * @param channels the trunks' channel counts that never refuse ({@code TrunkChannelCount.beyondLimits})
     * @param didOf an extension's own DID (the inbound route that rings it), from memory
     * @param domain the SIP domain, naming the caller in the PIDF-LO's {@code entity}
     */
    public EmergencyApplication(EmergencyService service, EmergencyTrunks trunks, TrunkAttempts attempts,
            TrunkDial.Channels channels, Function<String, Optional<String>> didOf, EmergencyNotifier notifier,
            String domain, Clock clock, Duration ringTimeout) {
        this.service = service;
        this.trunks = trunks;
        this.attempts = attempts;
        this.channels = channels;
        this.didOf = didOf;
        this.notifier = notifier;
        this.domain = domain;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        EmergencySettings settings = service.settings();
        String number = destination.target();
        String extension = call.caller();
        String callback = didOf.apply(extension).or(settings::callbackNumber).orElse(extension);
        Optional<CivicAddress> location = service.location(extension);
        log.warn("emergency call call_id={} extension={} number={} callback={} location={}", call.id(), extension,
                number, callback, location.map(CivicAddress::describe).orElse("none saved"));
        notifier.callStarted(new EmergencyNotice(call.id(), extension, "", number, callback, location, clock.instant()),
                settings);
        List<SipTrunk> tried = trunks.tried(settings, number);
        if (tried.isEmpty()) {
            log.error("emergency call refused: no emergency trunk can be used call_id={} trunks={}", call.id(),
                    settings.trunks());
            call.refuse(503, "No Emergency Trunk");
            return;
        }
        Optional<LocationBody> body = location.map(civic -> new LocationBody(
                PidfLo.of("pres:" + extension + "@" + domain, extension, civic, clock.instant()),
                extension + "-" + RandomTokens.tag() + "@" + domain, "sb-" + RandomTokens.tag()));
        attempts.build(call, tried, number, callback, built -> {
            if (built.isEmpty()) {
                log.error("emergency call refused: no emergency trunk resolved call_id={}", call.id());
                call.refuse(503, "No Emergency Trunk");
                return;
            }
            List<TrunkAttempt> located = built.stream().map(a -> body.map(b -> located(a, b)).orElse(a)).toList();
            call.relay(new TrunkDial(number, located, ringTimeout, channels));
        });
    }

    private static TrunkAttempt located(TrunkAttempt attempt, LocationBody body) {
        return attempt.with(List.of(Header.of("Geolocation", body.geolocation()), Header.of("Geolocation-Routing", "yes")),
                body);
    }
}
