/** Audio codecs: ITU-T G.711 µ-law and A-law companding between 16-bit linear PCM and 8-bit code words. */
package org.switchboard.media.codec;
