package org.switchboard.pbx.queue;

import org.switchboard.pbx.routing.ApplicationKind;

/** The kind rules name: {@code "action": "queue", "target": "<queue>"}. Stateless. */
public final class QueueKind {
    private QueueKind() {}

    public static ApplicationKind of(QueueService queues) {
        return new ApplicationKind(QueueApplication.KIND,
                "answers the caller, who waits in the call queue the target names with music until an agent answers",
                // a target built from the dialled number ($1) is only known at call time: an unknown queue is then a 404
                target -> {
                    if (!target.contains("$")) {
                        queues.checkName(target, "target");
                    }
                });
    }
}
