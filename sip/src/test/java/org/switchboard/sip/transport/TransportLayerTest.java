package org.switchboard.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportLayerTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String OPTIONS = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n";

    private record Received(String message, Flow flow) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final StackCounters counters = new StackCounters();
    private TransportLayer transports;

    @TempDir
    Path certDir;

    private TransportLayer start(TransportSettings settings) {
        transports = new TransportLayer(settings,
                (bytes, flow) -> received.add(new Received(new String(bytes, StandardCharsets.ISO_8859_1), flow)),
                counters);
        transports.start();
        return transports;
    }

    @AfterEach
    void stop() {
        if (transports != null) {
            transports.close();
        }
    }

    @Test
    void udpDatagramArrivesWithItsFlowAndAReplyOnThatFlowReachesTheSender() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0));
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            byte[] out = OPTIONS.getBytes(StandardCharsets.ISO_8859_1);
            peer.send(new DatagramPacket(out, out.length, transports.localAddress(Transport.UDP)));
            await().until(() -> received.size() == 1);
            Flow flow = received.getFirst().flow();
            assertThat(flow.transport()).isEqualTo(Transport.UDP);
            assertThat(flow.remote().getPort()).isEqualTo(peer.getLocalPort());

            transports.send("SIP/2.0 200 OK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), flow).join();
            byte[] in = new byte[2000];
            DatagramPacket reply = new DatagramPacket(in, in.length);
            peer.setSoTimeout(5000);
            peer.receive(reply);
            assertThat(new String(in, 0, reply.getLength(), StandardCharsets.ISO_8859_1)).startsWith("SIP/2.0 200");
        }
        assertThat(counters.messagesReceived()).isEqualTo(1);
        assertThat(counters.messagesSent()).isEqualTo(1);
    }

    @Test
    void udpSendsFromManyThreadsAtOnceAllArriveWholeAndAreCounted() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0));
        int threads = 4;
        int each = 100;
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            peer.setReceiveBufferSize(1 << 20);
            peer.setSoTimeout(5000);
            InetSocketAddress to = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < each; i++) {
                        byte[] message = ("SIP/2.0 200 OK\r\nX-Seq: " + sender + "-" + i + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1);
                        transports.send(message, Transport.UDP, to).join();
                    }
                }));
            }
            for (Thread t : senders) {
                t.join();
            }
            Set<String> arrived = new HashSet<>();
            byte[] in = new byte[2000];
            for (int i = 0; i < threads * each; i++) {
                DatagramPacket packet = new DatagramPacket(in, in.length);
                peer.receive(packet);
                arrived.add(new String(in, 0, packet.getLength(), StandardCharsets.ISO_8859_1));
            }
            assertThat(arrived).hasSize(threads * each).allMatch(m -> m.matches("SIP/2\\.0 200 OK\r\nX-Seq: \\d+-\\d+\r\n\r\n"));
        }
        assertThat(counters.messagesSent()).isEqualTo(threads * each);
    }

    @Test
    void tcpResponseReusesTheRequestsConnectionAndPingGetsPong() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0));
        try (Socket peer = new Socket(LOOPBACK, transports.localAddress(Transport.TCP).getPort())) {
            OutputStream out = peer.getOutputStream();
            out.write(("\r\n\r\n" + OPTIONS).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            await().until(() -> received.size() == 1);
            assertThat(received.getFirst().flow().remote().getPort()).isEqualTo(peer.getLocalPort());
            assertThat(transports.openConnections()).isEqualTo(1);

            transports.send("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    received.getFirst().flow()).join();
            peer.setSoTimeout(5000);
            String reply = readUntil(peer.getInputStream(), "\r\n\r\n");
            assertThat(reply).as("pong then the response on the same connection")
                    .isEqualTo("\r\nSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");
        }
        await().until(() -> transports.openConnections() == 0);
    }

    @Test
    void tcpRequestsToOnePeerShareOneConnection() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0));
        List<Received> peerReceived = new CopyOnWriteArrayList<>();
        try (TransportLayer peer = new TransportLayer(TransportSettings.of(LOOPBACK, 0, 0),
                (bytes, flow) -> peerReceived.add(new Received(new String(bytes, StandardCharsets.ISO_8859_1), flow)),
                StackMetrics.NONE)) {
            peer.start();
            InetSocketAddress target = peer.localAddress(Transport.TCP);
            Flow first = transports.send(OPTIONS.getBytes(StandardCharsets.ISO_8859_1), Transport.TCP, target).join();
            Flow second = transports.send(OPTIONS.getBytes(StandardCharsets.ISO_8859_1), Transport.TCP, target).join();
            assertThat(second).isEqualTo(first);
            await().until(() -> peerReceived.size() == 2);
            assertThat(peerReceived.get(0).flow()).isEqualTo(peerReceived.get(1).flow());
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0).withIdleConnectionTimeout(Duration.ofMillis(200)));
        try (Socket peer = new Socket(LOOPBACK, transports.localAddress(Transport.TCP).getPort())) {
            await().until(() -> transports.openConnections() == 1);
            peer.setSoTimeout(5000);
            assertThat(peer.getInputStream().read()).as("server closed the idle connection").isEqualTo(-1);
        }
    }

    @Test
    void unframeableStreamIsCountedAndClosed() throws Exception {
        start(TransportSettings.of(LOOPBACK, 0, 0));
        try (Socket peer = new Socket(LOOPBACK, transports.localAddress(Transport.TCP).getPort())) {
            peer.getOutputStream().write("OPTIONS sip:a SIP/2.0\r\nContent-Length: lots\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            peer.setSoTimeout(5000);
            assertThat(peer.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(counters.parseFailures()).isEqualTo(1);
        assertThat(received).isEmpty();
    }

    @Test
    void tlsListenerUsesAGeneratedSelfSignedCertificateKeptForTheNextStart() throws Exception {
        TlsCertificates.PemPair pair = TlsCertificates.selfSigned(certDir, "localhost");
        assertThat(TlsCertificates.selfSigned(certDir, "localhost")).isEqualTo(pair);
        start(TransportSettings.of(LOOPBACK, 0, 0).withTls(new TransportSettings.TlsListener(0, pair)));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream cert = java.nio.file.Files.newInputStream(pair.certificate())) {
            trust.setCertificateEntry("sip", CertificateFactory.getInstance("X.509").generateCertificate(cert));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket peer = (SSLSocket) ssl.getSocketFactory()
                .createSocket(LOOPBACK, transports.localAddress(Transport.TLS).getPort())) {
            peer.getOutputStream().write(OPTIONS.getBytes(StandardCharsets.ISO_8859_1));
            peer.getOutputStream().flush();
            await().until(() -> received.size() == 1);
        }
        assertThat(received.getFirst().flow().transport()).isEqualTo(Transport.TLS);
        assertThat(received.getFirst().message()).isEqualTo(OPTIONS);
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end) || sb.length() <= 2) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    @Test
    void outgoingTlsReachesAPeerWhoseCertificateWeTrustAndIsRefusedOtherwise() throws Exception {
        TlsCertificates.PemPair peerCert = TlsCertificates.selfSigned(certDir.resolve("peer"), "127.0.0.1");
        TlsCertificates.PemPair ourCert = TlsCertificates.selfSigned(certDir.resolve("ours"), "127.0.0.1");
        List<Received> peerReceived = new CopyOnWriteArrayList<>();
        try (TransportLayer peer = new TransportLayer(
                TransportSettings.of(LOOPBACK, 0, 0).withTls(new TransportSettings.TlsListener(0, peerCert)),
                (bytes, flow) -> peerReceived.add(new Received(new String(bytes, StandardCharsets.ISO_8859_1), flow)),
                StackMetrics.NONE)) {
            peer.start();
            InetSocketAddress target = peer.localAddress(Transport.TLS);

            start(TransportSettings.of(LOOPBACK, 0, 0).withTls(
                    new TransportSettings.TlsListener(0, ourCert, java.util.Optional.of(peerCert.certificate()))));
            transports.send(OPTIONS.getBytes(StandardCharsets.ISO_8859_1), Transport.TLS, target).join();
            await().until(() -> peerReceived.size() == 1);
            assertThat(peerReceived.getFirst().flow().transport()).isEqualTo(Transport.TLS);
            transports.close();

            start(TransportSettings.of(LOOPBACK, 0, 0).withTls(new TransportSettings.TlsListener(0, ourCert)));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> transports.send(OPTIONS.getBytes(StandardCharsets.ISO_8859_1), Transport.TLS, target).join())
                    .as("an untrusted self-signed peer fails the handshake and the write")
                    .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
            assertThat(peerReceived).hasSize(1);
        }
    }
}
