package org.switchboard.pbx.call;

import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;

/**
 * The listener of requests whose outcome changes nothing (BYE and CANCEL sent while ending a
 * call): the far end is gone from the call either way. Stateless.
 */
final class NoResponseNeeded implements ClientTransactionListener<SipResponse> {
    static final NoResponseNeeded INSTANCE = new NoResponseNeeded();

    private NoResponseNeeded() {}

    @Override
    public void onProvisional(SipResponse response) {}

    @Override
    public void onFinal(SipResponse response) {}

    @Override
    public void onTimeout() {}

    @Override
    public void onTransportError(Throwable cause) {}
}
