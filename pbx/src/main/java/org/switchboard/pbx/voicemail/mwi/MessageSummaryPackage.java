package org.switchboard.pbx.voicemail.mwi;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.pbx.call.CallerAuthentication;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.event.EventPackage;
import org.switchboard.sip.event.EventState;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The message-summary event package (RFC 3842) as the PBX serves it: a phone may watch only its
 * own extension's box (the Request-URI's user), after the same digest authentication as REGISTER
 * (401 challenge, same nonces and credentials, failures counted towards bans); the state is the
 * box's counts from {@link MailboxStates}. Thread-safe.
 */
final class MessageSummaryPackage implements EventPackage {
    private final CallerAuthentication authentication;
    private final MailboxStates states;
    private final String domain;

    MessageSummaryPackage(CallerAuthentication authentication, MailboxStates states, String domain) {
        this.authentication = authentication;
        this.states = states;
        this.domain = domain;
    }

    @Override
    public String name() {
        return MessageSummary.EVENT;
    }

    @Override
    public Optional<String> admit(ServerTransaction subscribe) {
        Optional<String> box = subscribe.request().requestUri() instanceof SipUri uri ? uri.user() : Optional.empty();
        if (box.isEmpty()) {
            subscribe.respond(subscribe.request().createResponse(404, "No Mailbox In Request-URI")
                    .withToTag(RandomTokens.tag()));
            return Optional.empty();
        }
        Optional<SipLogin> login = authentication.caller(subscribe);
        if (login.isEmpty()) {
            return Optional.empty(); // challenged or refused there
        }
        if (!login.get().extension().equals(box.get())) {
            // Another extension's box: its message count is not this phone's business.
            subscribe.respond(subscribe.request().createResponse(403, "Not Your Mailbox").withToTag(RandomTokens.tag()));
            return Optional.empty();
        }
        return box;
    }

    @Override
    public CompletionStage<EventState> state(String box) {
        return states.counts(box).thenApply(counts -> MessageSummary.of(counts, domain));
    }
}
