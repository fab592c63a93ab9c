/**
 * SIP trunks to carriers: the service that stores them (password sealed), and the lines that
 * register to each carrier with digest authentication and probe it with OPTIONS (docs/trunks.md).
 */
package org.switchboard.pbx.trunk;
