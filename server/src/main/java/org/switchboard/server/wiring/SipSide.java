package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.switchboard.pbx.registrar.RegistrarService;

/**
 * What a feature module's SIP handlers may use of the SIP side while it starts, before the stack
 * listens: the registrar (its digest check and bindings), the domain (the digest realm), the host
 * our Contact names, the node's housekeeping scheduler and the clock. Immutable.
 */
public record SipSide(RegistrarService registrar, String domain, String advertisedHost,
                      ScheduledExecutorService scheduler, Clock clock) {}
