/**
 * Rows of the call queues: the queues, their members in order, and each agent's login and pause (V210), the
 * callers' outcomes (V211), skills (V212), and callback settings and requests (V213).
 */
package org.switchboard.store.queue;
