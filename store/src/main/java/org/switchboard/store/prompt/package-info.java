/** Rows of uploaded prompts (V120); the WAV files live in the data directory. */
package org.switchboard.store.prompt;
