/** Rows of the ring groups: the groups and their members in ring order (V170). */
package org.switchboard.store.ringgroup;
