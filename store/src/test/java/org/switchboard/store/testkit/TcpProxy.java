package org.switchboard.store.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A TCP relay on 127.0.0.1 between a client (a connection pool) and a server (the shared
 * PostgreSQL) that a test can {@link #cut()} and {@link #restore()}: an outage of one test's
 * database as its pool sees it (connections break, new ones are refused), without stopping a
 * server other tests use. Virtual threads per connection; thread-safe.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
        Thread.ofVirtual().name("tcp-proxy-accept").start(this::acceptLoop);
    }

    /** A proxy on a free port of 127.0.0.1 relaying to {@code target}. */
    public static TcpProxy to(InetSocketAddress target) throws IOException {
        return new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), target);
    }

    /** A proxy to the host and port a {@code jdbc:postgresql://host:port/db} URL names; see {@link #rewrite}. */
    public static TcpProxy forPostgresql(String url) throws IOException {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return to(new InetSocketAddress(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort()));
    }

    /** {@code url} (a {@code jdbc:postgresql://host:port/db...} URL) pointed at this proxy instead. */
    public String rewrite(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        String hostPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return url.replaceFirst(Pattern.quote(hostPort), "127.0.0.1:" + port());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Breaks every relayed connection and refuses new ones (accepted, then closed at once). */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Relays new connections again. */
    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            Thread.ofVirtual().name("tcp-proxy-conn").start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(target, 2000);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(server);
        if (cut) {
            // Cut while this connection was being made.
            closeQuietly(client);
            closeQuietly(server);
            return;
        }
        Thread.ofVirtual().name("tcp-proxy-up").start(() -> pump(client, server));
        pump(server, client);
    }

    private void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // Closed by cut() or by the other side: the relay of this connection ends.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
