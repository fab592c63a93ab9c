package org.switchboard.sip.transaction;

/**
 * What the transaction layer keeps under a server transaction key: the live transaction, or, once
 * a non-INVITE one has sent its final response, only its machine ({@link Completed}), which is all
 * that Timer J's 64·T1 of absorbing retransmissions needs. Dropping the request, its parsed headers
 * and the application's handle at that point keeps tens of thousands of completed REGISTER
 * transactions from filling the heap and stretching every garbage collection. Immutable.
 */
sealed interface ServerEntry permits ServerTransaction, ServerEntry.Completed {

    /**
     * A completed non-INVITE transaction: its machine resends the final response for each
     * retransmitted request until Timer J ends it.
     *
     * @param machine owned by {@code executor}
     * @param executor the serial executor of the request's Call-ID
     */
    record Completed(ServerNonInviteTransaction machine, java.util.concurrent.Executor executor) implements ServerEntry {}
}
