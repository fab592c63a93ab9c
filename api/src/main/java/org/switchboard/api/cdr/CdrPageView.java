package org.switchboard.api.cdr;

import java.util.List;
import org.switchboard.store.cdr.CdrPage;

/** Response body of {@code GET /api/cdr}: one page, newest first, and how many CDRs match in all. */
public record CdrPageView(List<CdrView> items, long total, int limit, long offset) {

    static CdrPageView of(CdrPage page, int limit, long offset) {
        return new CdrPageView(page.items().stream().map(CdrView::of).toList(), page.total(), limit, offset);
    }
}
