/**
 * Toll-fraud control in the outbound call path (docs/fraud-control.md): per-extension outbound
 * classes, blocked destinations, daily spend and minute budgets priced with the LCR rates, a cap on
 * international calls up at once, after-hours international blocking, and the events of refusals.
 */
package org.switchboard.pbx.fraud;
