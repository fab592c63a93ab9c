/** Call pickup over HTTP: extensions' pickup groups and the calls that can be picked up now. */
package org.switchboard.api.pickup;
