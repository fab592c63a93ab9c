package org.switchboard.api.http;

import io.javalin.config.JettyConfig;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS and plain HTTP on one port: Jetty's {@link DetectorConnectionFactory} looks at the first
 * bytes of each connection and starts TLS when they are a TLS handshake, plain HTTP otherwise. So
 * the URL phones are given keeps its port whichever scheme their firmware supports, and no second
 * port has to be opened, forwarded or chosen. Used once by the thread that builds the server.
 */
final class SharedPortTls {
    private static final String ALIAS = "switchboard";

    private SharedPortTls() {}

    /**
     * Replaces Javalin's default connector with one on {@code host}:{@code port} that answers both.
     *
     * @throws IllegalArgumentException when the certificate or key cannot be used (naming the file)
     */
    static void install(JettyConfig jetty, String host, int port, TlsIdentity identity) {
        // The key store lives only in memory; its password protects nothing on disk.
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        KeyStore keys = identity.keyStore(ALIAS, password.toCharArray());
        // Phones reach the server by IP address or a name the certificate may not carry: a request
        // is not refused for an SNI that does not match (the phone decides whether it trusts us).
        jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecureRequestCustomizer(false)));
        jetty.addConnector((server, httpConfig) -> {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys);
            ssl.setKeyStorePassword(password);
            HttpConnectionFactory http = new HttpConnectionFactory(httpConfig);
            SslConnectionFactory tls = new SslConnectionFactory(ssl, http.getProtocol());
            ServerConnector connector = new ServerConnector(server, new DetectorConnectionFactory(tls), http);
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
