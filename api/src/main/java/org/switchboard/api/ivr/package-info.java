/** HTTP routes of the auto attendant (docs/attendant.md). */
package org.switchboard.api.ivr;
