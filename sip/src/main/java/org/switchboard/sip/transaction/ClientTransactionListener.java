package org.switchboard.sip.transaction;

/**
 * The transaction user's side of a client transaction: responses and failures, all delivered on
 * the executor that owns the transaction (the call's serial executor).
 *
 * @param <R> the response type
 */
public interface ClientTransactionListener<R> {
    /** A 1xx response. */
    void onProvisional(R response);

    /**
     * A final response. For INVITE a 2xx may be delivered again when the UAS retransmits it (RFC
     * 6026 Accepted state); the dialog answers each with its ACK.
     */
    void onFinal(R response);

    /** Timer B or F fired: no final response arrived (the TU treats it as 408, RFC 3261 §8.1.3.1). */
    void onTimeout();

    /** The transport could not send the request (the TU treats it as 503, RFC 3261 §8.1.3.1). */
    void onTransportError(Throwable cause);
}
