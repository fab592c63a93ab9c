/** Call recording over HTTP: policies per extension, recordings with their audio, legal hold and retention. */
package org.switchboard.api.recording;
