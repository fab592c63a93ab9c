package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Sends UDP datagrams from the UDP listener's socket on the calling thread. A datagram {@code
 * sendto} is one atomic system call, safe from any number of threads at once, so a response
 * leaves on the call executor that built it instead of being queued to the listener's event loop
 * and waking it (a task, a wake-up and a promise per message). When the socket's send buffer is
 * full, or the transport is not native (NIO has no thread-safe send), the datagram is written
 * through the channel as before. Any thread; {@link #close} waits for sends in progress so none
 * can reach a descriptor number the system has already given to another socket.
 */
final class DatagramSender implements AutoCloseable {
    private final Channel channel;
    private final Socket socket;
    private final StackMetrics metrics;
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    DatagramSender(Channel channel, StackMetrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
        this.socket = channel instanceof UnixChannel unix && unix.fd() instanceof Socket s ? s : null;
    }

    /** Sends {@code message} to {@code destination}; the future completes with the flow it left on. */
    CompletableFuture<Flow> send(byte[] message, InetSocketAddress destination) {
        Flow flow = new Flow(Transport.UDP, (InetSocketAddress) channel.localAddress(), destination);
        if (socket != null) {
            try {
                if (sendNow(message, destination)) {
                    metrics.messageSent(Transport.UDP);
                    return CompletableFuture.completedFuture(flow);
                }
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return sendOnEventLoop(message, destination, flow);
    }

    /** Whether the datagram left now; false when the send buffer is full (EAGAIN) or the socket is closed. */
    private boolean sendNow(byte[] message, InetSocketAddress destination) throws IOException {
        open.readLock().lock();
        try {
            if (closed) {
                return false; // the channel write below then fails with the channel's own error
            }
            ByteBuf direct = channel.alloc().directBuffer(message.length);
            try {
                direct.writeBytes(message);
                int sent = direct.hasMemoryAddress()
                        ? socket.sendToAddress(direct.memoryAddress(), 0, message.length, destination.getAddress(),
                                destination.getPort())
                        : socket.sendTo(direct.internalNioBuffer(0, message.length), 0, message.length,
                                destination.getAddress(), destination.getPort());
                return sent > 0;
            } finally {
                direct.release();
            }
        } finally {
            open.readLock().unlock();
        }
    }

    private CompletableFuture<Flow> sendOnEventLoop(byte[] message, InetSocketAddress destination, Flow flow) {
        CompletableFuture<Flow> result = new CompletableFuture<>();
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(message), destination)).addListener(written -> {
            if (written.isSuccess()) {
                metrics.messageSent(Transport.UDP);
                result.complete(flow);
            } else {
                result.completeExceptionally(written.cause());
            }
        });
        return result;
    }

    /** Stops direct sends; returns once none is in progress. Call before the channel is closed. */
    @Override
    public void close() {
        open.writeLock().lock();
        try {
            closed = true;
        } finally {
            open.writeLock().unlock();
        }
    }
}
