/** The dial plan: rules from the database, compiled in memory, turning a dialled string into a routing decision with its explanation. */
package org.switchboard.pbx.routing;
