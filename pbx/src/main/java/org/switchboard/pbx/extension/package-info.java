/** Extensions: the service every caller goes through (API, CLI, seed, registrar), its input rules and its credential cache. */
package org.switchboard.pbx.extension;
