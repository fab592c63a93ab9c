/**
 * How a call sounds and why it may not: per-leg loss, jitter and an estimated MOS from what the relay measured
 * and what the phones reported in RTCP ({@link org.switchboard.pbx.call.quality.LegQuality}), and a diagnosis of
 * missing audio in plain words ({@link org.switchboard.pbx.call.quality.MediaDiagnosis}). Docs: docs/call-quality.md.
 */
package org.switchboard.pbx.call.quality;
