/**
 * Call recording (docs/recording.md): per-extension policies, the recorder that taps a bridged call's relay into a
 * stereo WAV and stores its row once the file is complete, and retention.
 */
package org.switchboard.pbx.recording;
