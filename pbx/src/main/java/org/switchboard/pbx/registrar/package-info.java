/**
 * The registrar (RFC 3261 §10): REGISTER with digest authentication, the location service that
 * call routing reads, the registered-phones tracking and the failure counters the fraud module
 * reads.
 */
package org.switchboard.pbx.registrar;
