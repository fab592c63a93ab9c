package org.switchboard.pbx.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.provisioning.ProvisioningTokenStore;

/**
 * The installation's provisioning URL token: the path segment every phone request under
 * {@code /provision/} must carry ({@code /provision/<token>/<file>}), so knowing a phone's MAC is
 * not enough to fetch its file. Generated on first start and kept in the database (every node of a
 * cluster shares it), replaced when an admin rotates it.
 *
 * <p>Thread-safe: the file server reads the current token from a volatile field without SQL;
 * rotations are serialized by a lock. Never call {@link #start()} or {@link #rotate} from an event loop.
 */
public final class ProvisioningUrlToken {
    private static final Logger log = LoggerFactory.getLogger(ProvisioningUrlToken.class);
    static final String SCOPE = "installation";

    private final ProvisioningTokenStore store;
    private final Clock clock;
    private final EventBus events;
    private final RandomSecrets random = new RandomSecrets();
    private final Lock changes = new ReentrantLock();
    private volatile byte[] token;

    public ProvisioningUrlToken(ProvisioningTokenStore store, Clock clock, EventBus events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Loads the token, creating it on the first start of an installation. */
    public void start() {
        changes.lock();
        try {
            token = bytes(store.getOrCreate(SCOPE, random.urlToken(), clock.instant()));
        } finally {
            changes.unlock();
        }
    }

    /** The token phones must use now. */
    public String current() {
        return new String(loaded(), StandardCharsets.US_ASCII);
    }

    /** Whether {@code candidate} is the current token; compared in constant time, so timing tells a guesser nothing. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(loaded(), bytes(candidate));
    }

    /**
     * Replaces the token with a new random one. The old one stops working at once: every phone
     * must be given the new URL (DHCP option 66, redirection service or its web page).
     */
    public String rotate(String actor) {
        changes.lock();
        try {
            String next = random.urlToken();
            store.replace(SCOPE, next, clock.instant());
            token = bytes(next);
            log.info("provisioning url token rotated by={}", actor);
            events.publish(new ConfigChanged(clock.instant(), "provisioning_url_token", SCOPE, Change.UPDATED));
            return next;
        } finally {
            changes.unlock();
        }
    }

    private byte[] loaded() {
        byte[] t = token;
        if (t == null) {
            throw new IllegalStateException("provisioning url token not loaded; call start() first");
        }
        return t;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
