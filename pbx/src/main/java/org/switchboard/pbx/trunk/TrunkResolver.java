package org.switchboard.pbx.trunk;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.trunk.NewSipTrunk;

/**
 * Finds where a trunk's requests go: an IP literal as it is, a host name through the system
 * resolver (A and AAAA, the first address answered). The lookup blocks, so it runs on a virtual
 * thread and the result comes back as a future; a call or SIP thread never waits on it. DNS SRV
 * and NAPTR (RFC 3263) are not done yet: a host name without a port gets the transport's default.
 * Stateless; any thread.
 */
public final class TrunkResolver {

    /** Resolves {@code host} for {@code transport}; fails with the reason in words. */
    public CompletableFuture<NextHop> resolve(String host, OptionalInt port, Transport transport) {
        int p = port.orElse(transport.defaultPort());
        if (NewSipTrunk.isIpLiteral(host)) {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return CompletableFuture.completedFuture(new NextHop(transport, new InetSocketAddress(InetAddress.ofLiteral(bare), p)));
        }
        CompletableFuture<NextHop> result = new CompletableFuture<>();
        Thread.ofVirtual().name("trunk-dns").start(() -> {
            try {
                result.complete(new NextHop(transport, new InetSocketAddress(InetAddress.getAllByName(host)[0], p)));
            } catch (UnknownHostException e) {
                result.completeExceptionally(new UnknownHostException("cannot resolve " + host));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
