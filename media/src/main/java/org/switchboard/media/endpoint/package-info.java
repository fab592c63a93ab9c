/**
 * Media endpoints the PBX terminates itself (voicemail, the attendant, conferences, music on hold): paced RTP
 * sources on one shared 20 ms {@link org.switchboard.media.endpoint.MediaClock}, playback, recording, DTMF
 * (RFC 4733 and inband) and an N-party G.711 {@link org.switchboard.media.endpoint.Mixer}. Entry point:
 * {@link org.switchboard.media.endpoint.MediaEndpoints}. See docs/media.md.
 */
package org.switchboard.media.endpoint;
