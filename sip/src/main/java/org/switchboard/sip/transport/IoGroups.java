package org.switchboard.sip.transport;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Chooses native epoll when the platform offers it and Java NIO otherwise, and names the event
 * loop threads {@code sip-io-}. Built once by the thread that starts the stack.
 */
record IoGroups(
        EventLoopGroup group,
        Class<? extends DatagramChannel> datagramChannel,
        Class<? extends ServerChannel> serverChannel,
        Class<? extends Channel> socketChannel) {

    static IoGroups create(int threads) {
        DefaultThreadFactory threadFactory = new DefaultThreadFactory("sip-io", true);
        if (Epoll.isAvailable()) {
            IoHandlerFactory factory = EpollIoHandler.newFactory();
            return new IoGroups(new MultiThreadIoEventLoopGroup(threads, threadFactory, factory),
                    EpollDatagramChannel.class, EpollServerSocketChannel.class, EpollSocketChannel.class);
        }
        IoHandlerFactory factory = NioIoHandler.newFactory();
        return new IoGroups(new MultiThreadIoEventLoopGroup(threads, threadFactory, factory),
                NioDatagramChannel.class, NioServerSocketChannel.class, NioSocketChannel.class);
    }

    boolean isNative() {
        return datagramChannel == EpollDatagramChannel.class;
    }
}
