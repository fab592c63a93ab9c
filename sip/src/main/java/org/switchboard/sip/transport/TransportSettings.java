package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the transports listen: one address, a UDP and a TCP port (0 lets the OS choose),
 * an optional TLS port with its certificate, the idle connection timeout and the largest message
 * accepted. Immutable; any thread.
 */
public record TransportSettings(
        InetAddress bindAddress,
        int udpPort,
        int tcpPort,
        Optional<TlsListener> tls,
        Duration idleConnectionTimeout,
        int maxMessageBytes,
        int ioThreads) {

    /** RFC 3261 §18.1.1: a request within 200 bytes of a 1500 byte path MTU goes over TCP. */
    public static final int UDP_MTU_LIMIT_BYTES = 1300;

    /**
     * TLS listener port (0 lets the OS choose), its certificate and key, and the PEM file of
     * certificates trusted when we connect out over TLS (empty: the JDK's trust store).
     */
    public record TlsListener(int port, TlsCertificates.PemPair certificate, Optional<Path> trustedCertificates) {
        public TlsListener {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(trustedCertificates, "trustedCertificates");
            checkPort("tls_port", port);
        }

        /** A listener whose outgoing connections trust the JDK's trust store. */
        public TlsListener(int port, TlsCertificates.PemPair certificate) {
            this(port, certificate, Optional.empty());
        }
    }

    public TransportSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(idleConnectionTimeout, "idleConnectionTimeout");
        checkPort("udp_port", udpPort);
        checkPort("tcp_port", tcpPort);
        if (idleConnectionTimeout.isNegative() || idleConnectionTimeout.isZero()) {
            throw new IllegalArgumentException("idle connection timeout must be positive: " + idleConnectionTimeout);
        }
        if (maxMessageBytes < UDP_MTU_LIMIT_BYTES) {
            throw new IllegalArgumentException("max message size below " + UDP_MTU_LIMIT_BYTES + ": " + maxMessageBytes);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("io threads must be at least 1: " + ioThreads);
        }
    }

    /** UDP and TCP on the given address and ports, no TLS, 5 minute idle timeout, 64 KiB messages. */
    public static TransportSettings of(InetAddress bindAddress, int udpPort, int tcpPort) {
        return new TransportSettings(bindAddress, udpPort, tcpPort, Optional.empty(), Duration.ofMinutes(5),
                65_535, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The same settings with a TLS listener. */
    public TransportSettings withTls(TlsListener listener) {
        return new TransportSettings(bindAddress, udpPort, tcpPort, Optional.of(listener), idleConnectionTimeout,
                maxMessageBytes, ioThreads);
    }

    /** The same settings with another idle connection timeout. */
    public TransportSettings withIdleConnectionTimeout(Duration timeout) {
        return new TransportSettings(bindAddress, udpPort, tcpPort, tls, timeout, maxMessageBytes, ioThreads);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " out of range: " + port);
        }
    }
}
