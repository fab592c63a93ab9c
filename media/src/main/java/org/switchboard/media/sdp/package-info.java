/**
 * SDP (RFC 4566) session descriptions: an immutable model, a parser that fails with {@link
 * org.switchboard.media.sdp.SdpParseException}, a serializer, the RFC 3264 offer/answer for the audio stream the
 * PBX anchors, and the rewrite that points a description at the relay.
 */
package org.switchboard.media.sdp;
