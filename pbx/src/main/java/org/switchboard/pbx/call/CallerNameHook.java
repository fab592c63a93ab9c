package org.switchboard.pbx.call;

import java.util.Optional;

/**
 * The {@link CallerNames} of a node, set once the phone book is wired (after call control exists),
 * read by every call: a volatile reference, so calls need no lock. Thread-safe.
 */
final class CallerNameHook implements CallerNames {
    private volatile CallerNames names = CallerNames.NONE;

    void use(CallerNames next) {
        names = next;
    }

    @Override
    public Optional<String> nameOf(String number) {
        return names.nameOf(number);
    }
}
