/** Music on hold: the classes, their files in the data directory, and the shared streams held parties hear. */
package org.switchboard.pbx.moh;
