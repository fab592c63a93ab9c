/** Rows of the call queues: the queues, their members in order, and each agent's login and pause (V210). */
package org.switchboard.store.queue;
