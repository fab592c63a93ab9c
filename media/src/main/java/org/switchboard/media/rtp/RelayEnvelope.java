package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AddressedEnvelope;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * A reusable "send this buffer to that address" message for a datagram channel. Netty releases a written message
 * once it has left the socket; when that release frees the buffer, the envelope goes back to its stream's free
 * list, so relaying a packet allocates no envelope in the steady state.
 *
 * <p>Owned by one {@code rtp-io-} event loop: taken, written and released there.
 */
final class RelayEnvelope implements AddressedEnvelope<ByteBuf, InetSocketAddress> {
    private final ArrayDeque<RelayEnvelope> freeList;
    private ByteBuf content;
    private InetSocketAddress recipient;

    RelayEnvelope(ArrayDeque<RelayEnvelope> freeList) {
        this.freeList = freeList;
    }

    RelayEnvelope fill(ByteBuf data, InetSocketAddress to) {
        content = data;
        recipient = to;
        return this;
    }

    @Override
    public ByteBuf content() {
        return content;
    }

    @Override
    public InetSocketAddress sender() {
        // the channel sends from its bound address; a datagram write does not read this
        return null;
    }

    @Override
    public InetSocketAddress recipient() {
        return recipient;
    }

    @Override
    public int refCnt() {
        return content.refCnt();
    }

    @Override
    public RelayEnvelope retain() {
        content.retain();
        return this;
    }

    @Override
    public RelayEnvelope retain(int increment) {
        content.retain(increment);
        return this;
    }

    @Override
    public RelayEnvelope touch() {
        content.touch();
        return this;
    }

    @Override
    public RelayEnvelope touch(Object hint) {
        content.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return release(1);
    }

    @Override
    public boolean release(int decrement) {
        boolean freed = content.release(decrement);
        if (freed) {
            content = null;
            recipient = null;
            freeList.addLast(this);
        }
        return freed;
    }
}
