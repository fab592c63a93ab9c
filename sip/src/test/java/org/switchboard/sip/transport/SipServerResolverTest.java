package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RFC 3263 §4.2 lookups against a real DNS server on loopback (a small one built here with
 * Netty's DNS codec, since the machine runs none): SRV targets in priority order with their A
 * records and ports, A alone when a port is given or no SRV exists, a literal untouched, an
 * unknown name failing with its name, and the RFC 2782 weighted order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SipServerResolverTest {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, Supplier<List<DefaultDnsRawRecord>>> zone = Map.of(
            "_sip._udp.carrier.test.", () -> List.of(
                    srv("_sip._udp.carrier.test.", 20, 0, 5090, "sbc2.carrier.test"),
                    srv("_sip._udp.carrier.test.", 10, 0, 5080, "sbc1.carrier.test")),
            "_sips._tcp.carrier.test.", () -> List.of(srv("_sips._tcp.carrier.test.", 10, 0, 5071, "sbc1.carrier.test")),
            "sbc1.carrier.test.", () -> List.of(a("sbc1.carrier.test.", 127, 0, 0, 1)),
            "sbc2.carrier.test.", () -> List.of(a("sbc2.carrier.test.", 127, 0, 0, 2)),
            "plain.carrier.test.", () -> List.of(a("plain.carrier.test.", 127, 0, 0, 3)));
    private Channel server;
    private SipServerResolver resolver;

    @BeforeAll
    void startDnsServer() throws InterruptedException {
        server = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                                new SimpleChannelInboundHandler<DatagramDnsQuery>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
                                        ctx.writeAndFlush(answer(query));
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        resolver = new SipServerResolver((InetSocketAddress) server.localAddress());
    }

    @AfterAll
    void stop() {
        resolver.close();
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private DatagramDnsResponse answer(DatagramDnsQuery query) {
        DnsQuestion question = query.recordAt(DnsSection.QUESTION);
        DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
        response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
        Supplier<List<DefaultDnsRawRecord>> records = zone.get(question.name());
        if (records == null) {
            response.setCode(DnsResponseCode.NXDOMAIN);
            return response;
        }
        records.get().stream().filter(r -> r.type() == question.type())
                .forEach(r -> response.addRecord(DnsSection.ANSWER, r));
        return response;
    }

    private static DefaultDnsRawRecord srv(String name, int priority, int weight, int port, String target) {
        ByteBuf content = Unpooled.buffer();
        content.writeShort(priority).writeShort(weight).writeShort(port);
        for (String label : target.split("\\.")) {
            content.writeByte(label.length()).writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        content.writeByte(0);
        return new DefaultDnsRawRecord(name, DnsRecordType.SRV, 60, content);
    }

    private static DefaultDnsRawRecord a(String name, int... octets) {
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            address[i] = (byte) octets[i];
        }
        return new DefaultDnsRawRecord(name, DnsRecordType.A, 60, Unpooled.wrappedBuffer(address));
    }

    private List<NextHop> resolve(String host, OptionalInt port, Transport transport) throws Exception {
        return resolver.resolve(host, port, transport).get(10, TimeUnit.SECONDS);
    }

    private static NextHop hop(Transport transport, String address, int port) {
        return new NextHop(transport, new InetSocketAddress(InetAddress.ofLiteral(address), port));
    }

    @Test
    void aNameWithoutPortIsLookedUpBySrvInPriorityOrder() throws Exception {
        assertThat(resolve("carrier.test", OptionalInt.empty(), Transport.UDP))
                .containsExactly(hop(Transport.UDP, "127.0.0.1", 5080), hop(Transport.UDP, "127.0.0.2", 5090));
    }

    @Test
    void tlsAsksForSipsOverTcp() throws Exception {
        assertThat(resolve("carrier.test", OptionalInt.empty(), Transport.TLS))
                .containsExactly(hop(Transport.TLS, "127.0.0.1", 5071));
    }

    @Test
    void aNameWithAPortIsLookedUpByItsAddressAlone() throws Exception {
        assertThat(resolve("sbc2.carrier.test", OptionalInt.of(5070), Transport.UDP))
                .containsExactly(hop(Transport.UDP, "127.0.0.2", 5070));
    }

    @Test
    void aNameWithoutSrvRecordsGetsTheTransportsDefaultPort() throws Exception {
        assertThat(resolve("plain.carrier.test", OptionalInt.empty(), Transport.TCP))
                .containsExactly(hop(Transport.TCP, "127.0.0.3", 5060));
    }

    @Test
    void anIpLiteralIsNotLookedUp() throws Exception {
        assertThat(resolve("[::1]", OptionalInt.of(5062), Transport.UDP)).containsExactly(hop(Transport.UDP, "::1", 5062));
    }

    @Test
    void anUnknownNameFailsNamingIt() {
        assertThatThrownBy(() -> resolve("nowhere.carrier.test", OptionalInt.of(5060), Transport.UDP))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("nowhere.carrier.test");
    }

    @Test
    void withinOnePriorityTheWeightsDecideHowOftenATargetComesFirst() {
        List<SipServerResolver.Service> services = List.of(new SipServerResolver.Service(10, 90, 1, "heavy"),
                new SipServerResolver.Service(10, 10, 2, "light"), new SipServerResolver.Service(5, 0, 3, "first"),
                new SipServerResolver.Service(20, 50, 4, "."));
        int heavyFirst = 0;
        for (int i = 0; i < 2000; i++) {
            List<SipServerResolver.Service> ordered = SipServerResolver.order(services);
            assertThat(ordered).extracting(SipServerResolver.Service::target).as("priority 5 first, '.' left out")
                    .hasSize(3).startsWith("first");
            heavyFirst += ordered.get(1).target().equals("heavy") ? 1 : 0;
        }
        assertThat(heavyFirst).as("weight 90 of 100 comes second about 90 %% of the time").isBetween(1650, 1950);
    }
}
