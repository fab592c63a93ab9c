/**
 * Call routing: the dial plan (rules from the database, compiled in memory, turning a dialled
 * string into a routing decision with its explanation) and the call router, which follows the
 * called extension's forwarding, do-not-disturb and registrations to the plan call control acts on.
 */
package org.switchboard.pbx.routing;
