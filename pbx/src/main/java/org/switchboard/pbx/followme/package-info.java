/** Find-me/follow-me: an extension's calls ring its desk phone and a list of numbers (docs/follow-me.md). */
package org.switchboard.pbx.followme;
