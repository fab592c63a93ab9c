package org.switchboard.pbx.paging;

import java.util.concurrent.Executor;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.call.OriginatedLegListener;
import org.switchboard.pbx.call.PbxLeg;

/**
 * One member's leg of a {@link Page}: once its phone answered by itself it sits in the page's mixer (muted on a
 * one-way page, so the caller hears none of the room) and hears the beep; what happens is posted to the page's
 * executor.
 *
 * <p>Runs on the member's own call executor.
 */
final class PagedMember implements OriginatedLegListener {
    private final Page page;
    private final String member;
    private final Mixer mixer;
    private final PageOrder order;
    private final Executor pageExecutor;

    PagedMember(Page page, String member, Mixer mixer, PageOrder order, Executor pageExecutor) {
        this.page = page;
        this.member = member;
        this.mixer = mixer;
        this.order = order;
        this.pageExecutor = pageExecutor;
    }

    @Override
    public void answered(PbxLeg leg) {
        leg.joinMixer(mixer);
        // posted to the mixer's loop right after the join: the seat is muted before its first frame is mixed
        leg.muteInMixer(order.oneWay());
        if (order.beep()) {
            leg.play(Page.BEEP.source());
        }
        pageExecutor.execute(() -> page.memberAnswered(member));
    }

    @Override
    public void ended(String cause) {
        pageExecutor.execute(() -> page.memberGone(member, cause));
    }
}
