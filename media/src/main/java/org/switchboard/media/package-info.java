/** RTP media: relay, SDP, codecs and signal processing. */
package org.switchboard.media;
