/**
 * Call control: the back-to-back user agent that connects extensions, anchors their media on the
 * relay and records each call.
 */
package org.switchboard.pbx.call;
