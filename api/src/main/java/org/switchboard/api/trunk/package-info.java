/** SIP trunks over HTTP: {@code /api/trunks}, with each trunk's live registration and health. */
package org.switchboard.api.trunk;
