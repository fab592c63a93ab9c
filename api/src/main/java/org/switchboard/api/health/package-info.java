/** The health route for load balancers and monitoring. */
package org.switchboard.api.health;
