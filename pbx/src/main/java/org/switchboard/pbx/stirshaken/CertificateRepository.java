package org.switchboard.pbx.stirshaken;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates behind {@code x5u} URLs, fetched over HTTP(S) on a virtual thread with a short
 * timeout and kept for as long as the server's {@code Cache-Control: max-age} allows (at most
 * {@link #MAX_TTL}; {@link #DEFAULT_TTL} without one; not kept on {@code no-store}/{@code
 * no-cache}). At most {@link #MAX_ENTRIES} URLs are kept, the least recently used dropped first,
 * so a flood of calls naming fresh URLs cannot grow memory. Concurrent verifications of one URL
 * share one fetch; a failed fetch is not kept, so the next call tries again. Thread-safe: the
 * map is guarded by a lock held only to look up and insert, never during a fetch.
 */
public final class CertificateRepository implements AutoCloseable {
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofHours(24);
    static final int MAX_ENTRIES = 1_000;
    /** A certificate chain is a few KiB; more is not a certificate. */
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
    private static final Pattern NO_STORE = Pattern.compile("(?i)(?:^|[,\\s])(no-store|no-cache)(?:$|[,\\s=])");

    private final HttpClient http;
    private final boolean allowHttp;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService fetchers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("x5u-fetch-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<URI, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong fetches = new AtomicLong();

    /** A fetch: done or under way; {@code expires} is set once it succeeded. */
    private static final class Entry {
        final CompletableFuture<List<X509Certificate>> certificates = new CompletableFuture<>();
        volatile Instant expires = Instant.MAX;
    }

    /**
     * @param allowHttp whether plain-HTTP x5u URLs are fetched too (labs and tests); SHAKEN
     *     (ATIS-1000074 §5.3.1) publishes certificates over HTTPS only
     */
    public CertificateRepository(Duration timeout, boolean allowHttp, Clock clock) {
        this.timeout = timeout;
        this.allowHttp = allowHttp;
        this.clock = clock;
        // No redirects: the x5u names the certificate's place; a redirect elsewhere is not it.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(fetchers).build();
    }

    /**
     * The certificates at {@code url}, the signer's first: from the cache while fresh, otherwise
     * fetched. Fails with {@link CertificateUnavailable} when the URL is not HTTP(S), the server
     * does not answer 200 in time, or the body holds no certificate.
     */
    public CompletableFuture<List<X509Certificate>> certificates(URI url) {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("");
        if (!scheme.equalsIgnoreCase("https") && !(allowHttp && scheme.equalsIgnoreCase("http"))) {
            return CompletableFuture.failedFuture(new CertificateUnavailable(url, allowHttp
                    ? "is not an http(s) URL" : "is not an https URL (stir_shaken.allow_http_x5u is off)"));
        }
        Entry entry;
        lock.lock();
        try {
            Entry cached = entries.get(url);
            if (cached != null && clock.instant().isBefore(cached.expires)) {
                return cached.certificates;
            }
            entry = new Entry();
            entries.put(url, entry);
            if (entries.size() > MAX_ENTRIES) {
                entries.remove(entries.keySet().iterator().next());
            }
        } finally {
            lock.unlock();
        }
        fetches.incrementAndGet();
        fetchers.execute(() -> fetch(url, entry));
        return entry.certificates;
    }

    /** How many fetches were started (for metrics and tests: a cache hit starts none). */
    public long fetchCount() {
        return fetches.get();
    }

    private void fetch(URI url, Entry entry) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                    .header("Accept", "application/pem-certificate-chain, application/pkix-cert").build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            List<X509Certificate> certificates;
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new CertificateUnavailable(url, "answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new CertificateUnavailable(url, "served more than " + MAX_BODY + " bytes");
                }
                certificates = PemFiles.parseCertificates(new ByteArrayInputStream(bytes));
            }
            if (certificates.isEmpty()) {
                throw new CertificateUnavailable(url, "served no certificate");
            }
            entry.expires = clock.instant().plus(ttl(response.headers().firstValue("Cache-Control")));
            entry.certificates.complete(certificates);
        } catch (CertificateUnavailable e) {
            fail(url, entry, e);
        } catch (IOException | CertificateException e) {
            fail(url, entry, new CertificateUnavailable(url, "could not be fetched: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(url, entry, new CertificateUnavailable(url, "fetch interrupted"));
        }
    }

    private void fail(URI url, Entry entry, CertificateUnavailable e) {
        lock.lock();
        try {
            entries.remove(url, entry);
        } finally {
            lock.unlock();
        }
        entry.certificates.completeExceptionally(e);
    }

    /** How long a response may be kept, from its Cache-Control header. */
    static Duration ttl(Optional<String> cacheControl) {
        if (cacheControl.isEmpty()) {
            return DEFAULT_TTL;
        }
        if (NO_STORE.matcher(cacheControl.get()).find()) {
            return Duration.ZERO;
        }
        Matcher m = MAX_AGE.matcher(cacheControl.get());
        if (!m.find()) {
            return DEFAULT_TTL;
        }
        Duration maxAge = Duration.ofSeconds(Long.parseLong(m.group(1)));
        return maxAge.compareTo(MAX_TTL) > 0 ? MAX_TTL : maxAge;
    }

    @Override
    public void close() {
        http.close();
        fetchers.close();
    }

    /** The certificate at an x5u URL could not be had. */
    public static final class CertificateUnavailable extends RuntimeException {
        CertificateUnavailable(URI url, String why) {
            super(url + " " + why, null, false, false);
        }
    }
}
