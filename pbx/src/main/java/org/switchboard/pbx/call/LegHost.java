package org.switchboard.pbx.call;

import java.util.concurrent.Executor;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.transport.Transport;

/**
 * The call a new leg joins, as an {@link Originate} needs it: the executor every leg of the call
 * runs on, new Call-IDs joined to it, and the PBX's Contact. Implemented by the call; every method
 * runs on its executor.
 */
public interface LegHost {

    /** The call's executor: every response and timer of its legs runs here. */
    Executor executor();

    /** A Call-ID for a new leg, already joined to this call (its requests run here and find this call). */
    String joinNewLeg();

    /** The PBX's Contact for requests and responses over {@code transport}. */
    NameAddress contact(Transport transport);
}
