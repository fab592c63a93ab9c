/**
 * Outbound routing: outbound routes and least-cost-routing rates (services over the store with
 * in-memory copies for calls), the {@code outbound} destination kind and the application that
 * relays a caller to a route's trunks, in order or by the rate in force.
 */
package org.switchboard.pbx.route;
