package org.switchboard.pbx.stirshaken.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (port chosen by the system) publishing certificates the way an
 * STI certificate repository does: PEM at a path, with a Cache-Control header; it counts the
 * requests per path and can hold a path's answers back to play a repository that does not
 * answer. Thread-safe; closed by the test.
 */
public final class CertificateServer implements AutoCloseable {
    private record Document(String pem, String cacheControl) {}

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile String held = "";

    public CertificateServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                if (path.equals(held)) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Document doc = documents.get(path);
            if (doc == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = doc.pem().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/pem-certificate-chain");
            if (doc.cacheControl() != null) {
                exchange.getResponseHeaders().add("Cache-Control", doc.cacheControl());
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Serves {@code pem} at {@code path} with {@code cacheControl} (null for no header); returns its URL. */
    public URI publish(String path, String pem, String cacheControl) {
        documents.put(path, new Document(pem, cacheControl));
        return url(path);
    }

    /** The URL of {@code path} on this server. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Requests to {@code path} wait until the server closes. */
    public void hold(String path) {
        held = path;
    }

    /** How many requests {@code path} received. */
    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
