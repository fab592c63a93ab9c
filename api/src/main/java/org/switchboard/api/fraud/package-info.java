/** Fraud control over HTTP: settings, blocked patterns, events and an extension's outbound class (docs/fraud-control.md). */
package org.switchboard.api.fraud;
