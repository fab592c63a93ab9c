package org.switchboard.pbx.call.transfer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;

/**
 * The listener for a transfer's request that must be over before the next one goes (the final
 * NOTIFY before the transferor's BYE): {@code next} runs once, on its final response, timeout or
 * transport error. Runs on the executor of the request's Call-ID.
 */
record ThenRun(String method, Runnable next) implements ClientTransactionListener<SipResponse> {
    private static final Logger log = LoggerFactory.getLogger(ThenRun.class);

    @Override
    public void onProvisional(SipResponse response) {}

    @Override
    public void onFinal(SipResponse response) {
        next.run();
    }

    @Override
    public void onTimeout() {
        log.debug("transfer {} timed out", method);
        next.run();
    }

    @Override
    public void onTransportError(Throwable cause) {
        log.debug("transfer {} not sent reason={}", method, cause.toString());
        next.run();
    }
}
