package org.switchboard.pbx.queue;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;

/**
 * Destination kind {@code queue_agent}: the calling extension logs in or out of every queue it is a
 * member of, or pauses or unpauses, as the target says ({@code login}, {@code logout}, {@code pause},
 * {@code unpause}; docs/queues.md suggests {@code *45}-{@code *48}). Like the call-settings feature
 * codes, the change is written on a virtual thread and the INVITE is then answered with a final
 * response, since there is nothing to connect: 603 with the new state as the reason phrase, 404 when
 * the caller is no queue's member, 500 when it could not be saved. Stateless.
 */
public final class AgentCodes implements Application {
    public static final String KIND = "queue_agent";
    private static final Logger log = LoggerFactory.getLogger(AgentCodes.class);

    private final QueueService queues;

    public AgentCodes(QueueService queues) {
        this.queues = queues;
    }

    public static ApplicationKind kind() {
        return new ApplicationKind(KIND, "logs the calling agent in or out of its queues, or pauses or unpauses it",
                target -> {
                    if (!target.matches("login|logout|pause|unpause")) {
                        throw new ValidationException("target", "must be login, logout, pause or unpause");
                    }
                });
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        String agent = call.caller();
        String change = destination.target();
        Thread.ofVirtual().name("queue-agent-", 0).start(() -> {
            int status = 603;
            String reason;
            try {
                switch (change) {
                    case "login" -> queues.setAgent(agent, Optional.of(true), Optional.empty(), agent);
                    case "logout" -> queues.setAgent(agent, Optional.of(false), Optional.empty(), agent);
                    case "pause" -> queues.setAgent(agent, Optional.empty(), Optional.of(true), agent);
                    default -> queues.setAgent(agent, Optional.empty(), Optional.of(false), agent);
                }
                reason = switch (change) {
                    case "login" -> "Agent Logged In";
                    case "logout" -> "Agent Logged Out";
                    case "pause" -> "Agent Paused";
                    default -> "Agent Unpaused";
                };
            } catch (NotFoundException e) {
                status = 404;
                reason = "Not A Queue Agent";
            } catch (RuntimeException e) {
                log.warn("queue agent code failed extension={} change={} reason={}", agent, change, e.toString());
                status = 500;
                reason = "Server Internal Error";
            }
            int answer = status;
            String phrase = reason;
            call.executor().execute(() -> call.refuse(answer, phrase));
        });
    }
}
