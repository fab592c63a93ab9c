package org.switchboard.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an accepted connection that carries no registration flow: until a REGISTER has come over
 * it, a connection that goes one {@code unregisteredTimeout} without a SIP message is closed (it
 * holds a file handle and carries nothing a phone needs). RFC 5626 keep-alive pings do not count
 * here, so a scanner cannot hold connections with pings alone; once a REGISTER came, the
 * connection is a phone's flow, its pings keep it alive and only the transport's idle timeout
 * applies. Sits after the framer and passes every message on. One per connection, run on its
 * event loop.
 */
final class RegistrationFlowIdle extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RegistrationFlowIdle.class);
    private static final byte[] REGISTER = "REGISTER ".getBytes(StandardCharsets.US_ASCII);

    private final SourceGuard guard;
    private final Duration unregisteredTimeout;
    private boolean carriedRegister;
    private boolean messageSinceCheck;
    private ScheduledFuture<?> check;

    RegistrationFlowIdle(SourceGuard guard, Duration unregisteredTimeout) {
        this.guard = guard;
        this.unregisteredTimeout = unregisteredTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            startChecking(ctx); // an accepted connection is active before its pipeline is built
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startChecking(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopChecking();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stopChecking();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof byte[] message) {
            messageSinceCheck = true;
            if (!carriedRegister && startsWithRegister(message)) {
                carriedRegister = true;
                stopChecking();
            }
        }
        super.channelRead(ctx, msg);
    }

    private void startChecking(ChannelHandlerContext ctx) {
        if (check == null && !carriedRegister) {
            long period = unregisteredTimeout.toMillis();
            check = ctx.executor().scheduleAtFixedRate(() -> checkIdle(ctx), period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void stopChecking() {
        if (check != null) {
            check.cancel(false);
        }
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        if (carriedRegister || !ctx.channel().isActive()) {
            stopChecking();
            return;
        }
        if (messageSinceCheck) {
            messageSinceCheck = false;
            return;
        }
        stopChecking();
        guard.unregisteredConnectionIdle();
        log.debug("connection without registration idle, closing remote={}", ctx.channel().remoteAddress());
        ctx.close();
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
}
