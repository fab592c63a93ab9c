/**
 * The milliwatt test line: a number that answers with a steady tone, the classic way to check a
 * line's audio path and level (Asterisk's {@code Milliwatt}), and the smallest application built
 * on the call engine (docs/call-engine.md).
 */
package org.switchboard.pbx.milliwatt;
