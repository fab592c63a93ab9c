/**
 * RTP (RFC 3550) transport for the PBX: a zero-copy header view, the RTP/RTCP port pool, and the relay that
 * anchors a call's media with symmetric-RTP latching. See docs/media.md.
 */
package org.switchboard.media.rtp;
