package org.switchboard.pbx.queue;

import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.Route;

/**
 * Destination kind {@code queue}: the target names a call queue; the PBX answers and the caller waits
 * in it with music and announcements until an agent answers ({@link QueueCaller}). A queue unknown
 * when the call comes is refused with 404. Stateless; each call gets its own {@link QueueCaller}.
 */
public final class QueueApplication implements Application {
    public static final String KIND = "queue";

    private final QueueService queues;
    private final LiveQueues live;
    private final Prompts prompts;
    private final QueueCaller.Music music;
    private final QueueCallbacks callbacks;

    public QueueApplication(QueueService queues, LiveQueues live, Prompts prompts, QueueCaller.Music music,
            QueueCallbacks callbacks) {
        this.queues = queues;
        this.live = live;
        this.prompts = prompts;
        this.music = music;
        this.callbacks = callbacks;
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        queues.find(destination.target()).ifPresentOrElse(
                queue -> call.answer(new QueueCaller(queue.name(), queues, live, prompts, music, callbacks,
                        call.executor())),
                () -> call.refuse(404, "No Such Queue"));
    }
}
