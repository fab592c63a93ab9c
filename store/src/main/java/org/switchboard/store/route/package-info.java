/** Outbound routes and least-cost-routing rates ({@code outbound_routes}, {@code lcr_rates}, {@code lcr_time_rates}). */
package org.switchboard.store.route;
