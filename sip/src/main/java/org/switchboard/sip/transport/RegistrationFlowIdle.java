package org.switchboard.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what an idle period means for an accepted connection, behind an {@code IdleStateHandler}
 * that fires after {@code unregisteredTimeout} without a byte either way: a connection that has not
 * carried a REGISTER is closed then (it holds a file handle and carries no flow a phone needs), one
 * that has is kept until it has been silent for {@code registeredTimeout} (RFC 5626 keep-alives
 * are bytes, so a live phone's flow never gets there). Sits after the framer and passes every
 * message on. One per connection, run on its event loop.
 */
final class RegistrationFlowIdle extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RegistrationFlowIdle.class);
    private static final byte[] REGISTER = "REGISTER ".getBytes(StandardCharsets.US_ASCII);

    private final SourceGuard guard;
    private final long idlePeriodsAllowed;
    private boolean carriedRegister;
    private long idlePeriods;

    RegistrationFlowIdle(SourceGuard guard, Duration unregisteredTimeout, Duration registeredTimeout) {
        this.guard = guard;
        this.idlePeriodsAllowed = Math.max(1, ceilDiv(registeredTimeout.toMillis(), unregisteredTimeout.toMillis()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!carriedRegister && msg instanceof byte[] message && startsWithRegister(message)) {
            carriedRegister = true;
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (!(event instanceof IdleStateEvent idle)) {
            super.userEventTriggered(ctx, event);
            return;
        }
        idlePeriods = idle.isFirst() ? 1 : idlePeriods + 1;
        if (!carriedRegister) {
            guard.unregisteredConnectionIdle();
            log.debug("connection without registration idle, closing remote={}", ctx.channel().remoteAddress());
            ctx.close();
        } else if (idlePeriods >= idlePeriodsAllowed) {
            log.debug("registered flow idle, closing remote={}", ctx.channel().remoteAddress());
            ctx.close();
        }
    }

    private static boolean startsWithRegister(byte[] message) {
        if (message.length < REGISTER.length) {
            return false;
        }
        for (int i = 0; i < REGISTER.length; i++) {
            if (message[i] != REGISTER[i]) {
                return false;
            }
        }
        return true;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
