/**
 * Call queues (docs/queues.md): the queues and agents' states ({@link org.switchboard.pbx.queue.QueueService}),
 * destination kind {@code queue} and its callers ({@link org.switchboard.pbx.queue.QueueApplication}), the queues
 * live on this node ({@link org.switchboard.pbx.queue.LiveQueues}), the agents' feature codes
 * ({@link org.switchboard.pbx.queue.AgentCodes}) and the callback requests ({@link org.switchboard.pbx.queue.QueueCallbacks}).
 */
package org.switchboard.pbx.queue;
