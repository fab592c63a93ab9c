/** Call parking over HTTP: the parked calls and the park lot's settings. */
package org.switchboard.api.parking;
