/** Signal processing on 16-bit linear PCM: tone generation, Goertzel tone detection, WAV files. */
package org.switchboard.media.dsp;
