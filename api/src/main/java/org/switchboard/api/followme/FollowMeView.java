package org.switchboard.api.followme;

import java.util.List;
import org.switchboard.store.followme.FollowMe;

/** An extension's follow-me settings as the API shows them. */
public record FollowMeView(String extension, boolean enabled, boolean deskFirst, int deskSeconds, String strategy,
                           List<FollowMeBody.Destination> destinations) {

    static FollowMeView of(String extension, FollowMe followMe) {
        return new FollowMeView(extension, followMe.enabled(), followMe.deskFirst(), followMe.deskSeconds(),
                followMe.strategy().key(), followMe.destinations().stream()
                        .map(d -> new FollowMeBody.Destination(d.number(), d.ringSeconds())).toList());
    }
}
