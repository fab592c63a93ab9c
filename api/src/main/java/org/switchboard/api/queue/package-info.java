/** Call queues over HTTP: {@code /api/queues}, their statistics and the agents' states (docs/queues.md). */
package org.switchboard.api.queue;
