package org.switchboard.media.rtp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.function.Supplier;

/** The Netty transport the relay's UDP sockets use: native epoll on Linux when it loads, else Java NIO. */
public enum RelayTransport {
    EPOLL(EpollIoHandler::newFactory, EpollDatagramChannel::new),
    NIO(NioIoHandler::newFactory, NioDatagramChannel::new);

    private final Supplier<IoHandlerFactory> ioHandlers;
    private final Supplier<DatagramChannel> channels;

    RelayTransport(Supplier<IoHandlerFactory> ioHandlers, Supplier<DatagramChannel> channels) {
        this.ioHandlers = ioHandlers;
        this.channels = channels;
    }

    /** Epoll when the native library is available on this machine, else NIO. */
    public static RelayTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** Whether this transport can run here. */
    public boolean isAvailable() {
        return this == NIO || Epoll.isAvailable();
    }

    IoHandlerFactory ioHandlerFactory() {
        return ioHandlers.get();
    }

    DatagramChannel newChannel() {
        return channels.get();
    }
}
