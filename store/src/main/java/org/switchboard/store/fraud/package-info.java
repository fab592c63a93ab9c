/** Toll-fraud control's tables: settings, per-extension limits, blocked prefixes, refused-call events (docs/fraud-control.md). */
package org.switchboard.store.fraud;
