package org.switchboard.sip.transaction;

import java.util.ArrayList;
import java.util.List;

/** Records what a client transaction told its TU, as short strings. Test thread only. */
final class RecordingListener implements ClientTransactionListener<Integer> {
    final List<String> events = new ArrayList<>();

    @Override
    public void onProvisional(Integer response) {
        events.add("provisional " + response);
    }

    @Override
    public void onFinal(Integer response) {
        events.add("final " + response);
    }

    @Override
    public void onTimeout() {
        events.add("timeout");
    }

    @Override
    public void onTransportError(Throwable cause) {
        events.add("transport error");
    }
}
