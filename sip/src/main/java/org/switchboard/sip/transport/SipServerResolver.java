package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRecordDecoder;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.resolver.ResolvedAddressTypes;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Finds the servers a SIP URI's host names (RFC 3263 §4.2 without NAPTR): an IP literal as it
 * is; a host name with a port by its A/AAAA records; a host name without a port by its SRV
 * records ({@code _sip._udp}, {@code _sip._tcp}, {@code _sips._tcp} for TLS), ordered by priority
 * and, within a priority, by the weighted random draw of RFC 2782, each target by its A/AAAA
 * records; no SRV record: A/AAAA with the transport's default port. Lookups are asynchronous on
 * Netty's DNS resolver (its own event loop), so no call or SIP thread ever waits on DNS; the
 * future completes there. Thread-safe; close it when the node stops.
 */
public final class SipServerResolver implements AutoCloseable {
    private static final long QUERY_TIMEOUT_MILLIS = 3000;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final DnsNameResolver dns;

    /** A resolver asking the system's name servers (resolv.conf), hosts file first. */
    public SipServerResolver() {
        this(Optional.empty());
    }

    /** A resolver asking only {@code nameServer} (a test's DNS server), hosts file first. */
    public SipServerResolver(InetSocketAddress nameServer) {
        this(Optional.of(nameServer));
    }

    private SipServerResolver(Optional<InetSocketAddress> nameServer) {
        DnsNameResolverBuilder builder = new DnsNameResolverBuilder(loop.next())
                .datagramChannelType(NioDatagramChannel.class)
                .queryTimeoutMillis(QUERY_TIMEOUT_MILLIS)
                .resolvedAddressTypes(ResolvedAddressTypes.IPV4_PREFERRED)
                .nameServerProvider(nameServer.<io.netty.resolver.dns.DnsServerAddressStreamProvider>map(
                        SingletonDnsServerAddressStreamProvider::new).orElseGet(DnsServerAddressStreamProviders::platformDefault));
        dns = builder.build();
    }

    /**
     * The servers for {@code host} in the order to try them; fails with a reason in words when
     * the name has none.
     */
    public CompletableFuture<List<NextHop>> resolve(String host, OptionalInt port, Transport transport) {
        Optional<InetAddress> literal = literal(host);
        if (literal.isPresent()) {
            return CompletableFuture.completedFuture(
                    List.of(new NextHop(transport, new InetSocketAddress(literal.get(), port.orElse(transport.defaultPort())))));
        }
        if (port.isPresent()) {
            return address(host).thenApply(a -> List.of(new NextHop(transport, new InetSocketAddress(a, port.getAsInt()))));
        }
        return services(srvName(host, transport)).thenCompose(targets -> targets.isEmpty()
                ? address(host).thenApply(a -> List.of(new NextHop(transport, new InetSocketAddress(a, transport.defaultPort()))))
                : hops(targets, transport));
    }

    /** Each SRV target's address, in the SRV order; targets whose name has no address are left out. */
    private CompletableFuture<List<NextHop>> hops(List<Service> targets, Transport transport) {
        List<CompletableFuture<Optional<NextHop>>> lookups = targets.stream()
                .map(t -> address(t.target())
                        .thenApply(a -> Optional.of(new NextHop(transport, new InetSocketAddress(a, t.port()))))
                        .exceptionally(e -> Optional.empty()))
                .toList();
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<NextHop> found = lookups.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no address for any SRV target of " + targets);
            }
            return found;
        });
    }

    private CompletableFuture<InetAddress> address(String name) {
        CompletableFuture<InetAddress> result = new CompletableFuture<>();
        dns.resolve(name).addListener((Future<InetAddress> f) -> {
            if (f.isSuccess()) {
                result.complete(f.getNow());
            } else {
                result.completeExceptionally(new IllegalStateException("cannot resolve " + name + ": "
                        + Optional.ofNullable(f.cause().getMessage()).orElse(f.cause().toString())));
            }
        });
        return result;
    }

    /** The SRV records of {@code name} in the order to try them; empty when there are none. */
    private CompletableFuture<List<Service>> services(String name) {
        CompletableFuture<List<Service>> result = new CompletableFuture<>();
        dns.resolveAll(new DefaultDnsQuestion(name, DnsRecordType.SRV)).addListener((Future<List<DnsRecord>> f) -> {
            if (!f.isSuccess()) {
                // No such name, or no answer: the host is then used by its A/AAAA records (RFC 3263 §4.2).
                result.complete(List.of());
                return;
            }
            List<Service> services = new ArrayList<>();
            for (DnsRecord record : f.getNow()) {
                try {
                    if (record.type() == DnsRecordType.SRV && record instanceof DnsRawRecord raw) {
                        services.add(Service.decode(raw.content()));
                    }
                } finally {
                    ReferenceCountUtil.release(record);
                }
            }
            result.complete(order(services));
        });
        return result;
    }

    /** RFC 2782: lowest priority first; within one priority a weighted random order. */
    static List<Service> order(List<Service> services) {
        List<Service> ordered = new ArrayList<>(services.size());
        services.stream()
                .filter(s -> !s.target().equals(".")) // "." means: the service is not offered here
                .collect(Collectors.groupingBy(Service::priority, java.util.TreeMap::new, Collectors.toList()))
                .values().forEach(group -> ordered.addAll(weighted(new ArrayList<>(group))));
        return ordered;
    }

    private static List<Service> weighted(List<Service> group) {
        group.sort(Comparator.comparingInt(Service::weight)); // zero weights first, as RFC 2782 asks
        List<Service> out = new ArrayList<>(group.size());
        while (!group.isEmpty()) {
            int total = group.stream().mapToInt(Service::weight).sum();
            int draw = ThreadLocalRandom.current().nextInt(total + 1);
            int running = 0;
            for (int i = 0; i < group.size(); i++) {
                running += group.get(i).weight();
                if (running >= draw) {
                    out.add(group.remove(i));
                    break;
                }
            }
        }
        return out;
    }

    private static String srvName(String host, Transport transport) {
        return switch (transport) {
            case UDP -> "_sip._udp.";
            case TCP -> "_sip._tcp.";
            case TLS -> "_sips._tcp.";
        } + host;
    }

    private static Optional<InetAddress> literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9a-fA-F:.]+") || !(bare.contains(".") || bare.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(bare));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        dns.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** One SRV record (RFC 2782). */
    record Service(int priority, int weight, int port, String target) {
        static Service decode(ByteBuf content) {
            ByteBuf in = content.duplicate();
            int priority = in.readUnsignedShort();
            int weight = in.readUnsignedShort();
            int port = in.readUnsignedShort();
            String target = DefaultDnsRecordDecoder.decodeName(in);
            return new Service(priority, weight, port, target.length() > 1 && target.endsWith(".")
                    ? target.substring(0, target.length() - 1) : target);
        }
    }
}
