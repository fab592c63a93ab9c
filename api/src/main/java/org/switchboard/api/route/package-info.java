/** Outbound routes ({@code /api/outbound-routes}) and least-cost-routing rates ({@code /api/lcr-rates}) over HTTP. */
package org.switchboard.api.route;
