package org.switchboard.pbx.call.transfer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;

/**
 * The listener for a transfer's requests whose answer changes nothing (NOTIFY, BYE, CANCEL): a
 * failure is only worth a debug line. Immutable; runs on the executor of the request's Call-ID.
 */
record Unanswered(String method) implements ClientTransactionListener<SipResponse> {
    private static final Logger log = LoggerFactory.getLogger(Unanswered.class);

    @Override
    public void onProvisional(SipResponse response) {}

    @Override
    public void onFinal(SipResponse response) {
        if (!response.isSuccess()) {
            log.debug("transfer {} answered status={}", method, response.status());
        }
    }

    @Override
    public void onTimeout() {
        log.debug("transfer {} timed out", method);
    }

    @Override
    public void onTransportError(Throwable cause) {
        log.debug("transfer {} not sent reason={}", method, cause.toString());
    }
}
