/**
 * Ring groups (docs/ring-groups.md): the service that stores and caches them, the destination kind
 * {@code ring_group} whose calls the router rings as the members' phones, and the memory hunt's memory.
 */
package org.switchboard.pbx.ringgroup;
