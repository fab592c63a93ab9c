package org.switchboard.pbx.ivr;

import java.util.Collection;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The enabled extension numbers, sorted, for direct dialling in a menu: whether the keys pressed
 * so far begin a number, are one, or could still grow into a longer one. Thread-safe: {@link
 * #reload} (blocking, off the call threads) publishes a new immutable set through a volatile field
 * that calls read without locking.
 */
public final class ExtensionNumbers {
    private final Supplier<Collection<String>> source;
    private volatile NavigableSet<String> numbers = Collections.emptyNavigableSet();

    /** @param source the enabled extension numbers as stored (a database read) */
    public ExtensionNumbers(Supplier<Collection<String>> source) {
        this.source = source;
    }

    /** Reads the numbers again: at start and after every extension change. */
    public void reload() {
        numbers = Collections.unmodifiableNavigableSet(new TreeSet<>(source.get()));
    }

    /** Whether {@code keys} is an enabled extension's number. */
    public boolean isNumber(String keys) {
        return numbers.contains(keys);
    }

    /** Whether some extension number begins with {@code keys} (or is it). */
    boolean anyStartsWith(String keys) {
        String next = numbers.ceiling(keys);
        return next != null && next.startsWith(keys);
    }

    /** Whether some extension number longer than {@code keys} begins with it. */
    boolean anyLongerStartsWith(String keys) {
        String next = numbers.higher(keys);
        return next != null && next.startsWith(keys);
    }
}
