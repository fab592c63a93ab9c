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
