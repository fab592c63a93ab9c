package org.switchboard.store.cdr;

import java.util.List;

/**
 * One page of a CDR listing, newest first, with how many CDRs match the filter in all. Immutable.
 *
 * @param items  at most the asked-for limit of CDRs
 * @param total  how many CDRs match the filter, across all pages
 */
public record CdrPage(List<Cdr> items, long total) {
    public CdrPage {
        items = List.copyOf(items);
    }
}
