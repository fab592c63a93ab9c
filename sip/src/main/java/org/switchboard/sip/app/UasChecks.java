package org.switchboard.sip.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.ParameterizedValue;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.InputFaultLog;

/**
 * Stands before the {@link SipApplication} and answers what RFC 3261 §8.2 has a UAS refuse before
 * acting on a request, by the {@link UasPolicy}: an unsupported Request-URI scheme (416), a
 * REGISTER whose address-of-record is not a SIP or SIPS URI (400), a
 * Require naming an extension we lack (420 with Unsupported), a body of a type the method's
 * handler cannot read (415 with Accept), an Accept that allows none of those types (406). A
 * header the application finds malformed when it reads it ends in 400 naming the fault instead
 * of 500. Everything else goes to the application unchanged. Runs on the Call-ID's executor.
 */
final class UasChecks implements SipApplication {
    private final UasPolicy policy;
    private final SipApplication application;
    private final InputFaultLog faults;

    UasChecks(UasPolicy policy, SipApplication application, InputFaultLog faults) {
        this.policy = policy;
        this.application = application;
        this.faults = faults;
    }

    @Override
    public void onRequest(ServerTransaction transaction) {
        SipRequest request = transaction.request();
        try {
            Optional<SipResponse> refusal = refusal(request);
            if (refusal.isPresent()) {
                transaction.respond(refusal.get().withToTag(RandomTokens.tag()));
                return;
            }
            application.onRequest(transaction);
        } catch (SipParseException e) {
            // A header nobody read before: bad input, answered like an unparseable request (§8.2.6).
            Flow flow = transaction.flow();
            faults.record(e.reason(), flow.transport(), flow.remote().getAddress(), "answered " + e.status());
            if (!transaction.isAnswered()) {
                transaction.respond(request.createResponse(e.status(), e.reason()).withToTag(RandomTokens.tag()));
            }
        }
    }

    private Optional<SipResponse> refusal(SipRequest request) {
        if (!policy.uriSchemes().contains(request.requestUri().scheme())) {
            return Optional.of(request.createResponse(416));
        }
        if (request.method().equals(SipMethod.REGISTER)
                && !(request.to().uri() instanceof SipUri)) {
            // RFC 3261 §10.2: the To of a REGISTER is an address-of-record, a SIP or SIPS URI
            // (RFC 4475 §3.3.4: a registrar answers 400)
            return Optional.of(request.createResponse(400, "Bad To: not a SIP or SIPS URI"));
        }
        List<String> unsupported = request.require().stream()
                .filter(tag -> !policy.optionTags().contains(tag.toLowerCase(Locale.ROOT)))
                .toList();
        if (!unsupported.isEmpty()) {
            return Optional.of(request.createResponse(420)
                    .withHeader(HeaderName.UNSUPPORTED, String.join(", ", unsupported)));
        }
        Set<String> types = policy.bodyTypes().get(request.method());
        if (types == null) {
            return Optional.empty();
        }
        Optional<ParameterizedValue> contentType = request.contentType();
        if (request.contentLength() > 0 && contentType.isPresent()
                && !types.contains(contentType.get().value().toLowerCase(Locale.ROOT))) {
            return Optional.of(request.createResponse(415).withHeader(HeaderName.ACCEPT, String.join(", ", types)));
        }
        List<String> accept = request.headers().values(HeaderName.ACCEPT);
        if (!accept.isEmpty() && accept.stream().noneMatch(range -> accepts(range, types))) {
            return Optional.of(request.createResponse(406));
        }
        return Optional.empty();
    }

    /** Whether an Accept media range ({@code type/subtype}, {@code type/*}, {@code * /*}) covers one of {@code types}. */
    private static boolean accepts(String range, Set<String> types) {
        String media = ParameterizedValue.parse(range).value().toLowerCase(Locale.ROOT);
        if (media.equals("*/*")) {
            return true;
        }
        if (media.endsWith("/*")) {
            String prefix = media.substring(0, media.length() - 1);
            return types.stream().anyMatch(t -> t.startsWith(prefix));
        }
        return types.contains(media);
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
