package org.switchboard.media.rtp;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An RTP/RTCP port pair of the relay's range bound for a media endpoint the PBX terminates: its two sockets, and
 * the way to give the ports back.
 *
 * <p>Any thread may call it; {@link #close()} acts once.
 */
public final class BoundPorts {
    private final PortPair ports;
    private final Channel rtp;
    private final Channel rtcp;
    private final RtpPortPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    BoundPorts(PortPair ports, Channel rtp, Channel rtcp, RtpPortPool pool) {
        this.ports = ports;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.pool = pool;
    }

    /** The port numbers. */
    public PortPair ports() {
        return ports;
    }

    /** The RTP socket. */
    public Channel rtp() {
        return rtp;
    }

    /** The RTCP socket. */
    public Channel rtcp() {
        return rtcp;
    }

    /** Closes both sockets and returns the pair to the pool; completes once it is free. Idempotent. */
    public CompletableFuture<Void> close() {
        if (closed.compareAndSet(false, true)) {
            rtp.close().addListener(a -> rtcp.close().addListener(b -> {
                pool.release(ports);
                released.complete(null);
            }));
        }
        return released;
    }
}
