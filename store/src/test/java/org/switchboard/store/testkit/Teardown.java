package org.switchboard.store.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test class opened, closed in reverse order: the browser before the server it talks to,
 * the server before its database. Every resource is closed even when one before it fails; the
 * first failure is thrown with the later ones suppressed. Meant for a static field annotated
 * {@code @AutoClose}, so that a test class needs no teardown method of its own.
 */
public final class Teardown implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    /** Registers {@code resource} to be closed before everything registered earlier; returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    /** What {@link #opening} builds from the resources it opens. */
    @FunctionalInterface
    public interface Opening<T> {
        T open(Teardown opened) throws Exception;
    }

    /**
     * Builds a fixture that owns what {@code opening} registers: if building fails, everything it
     * opened so far is closed (its failures suppressed) and the failure is thrown; otherwise the
     * fixture closes them, through the same Teardown, when it is closed.
     */
    public static <T> T opening(Opening<T> opening) throws Exception {
        Teardown opened = new Teardown();
        try {
            return opening.open(opened);
        } catch (Exception | AssertionError e) {
            try {
                opened.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
