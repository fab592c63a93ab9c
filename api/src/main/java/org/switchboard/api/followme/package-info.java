/** Follow-me over HTTP: {@code /api/extensions/{number}/follow-me} (docs/follow-me.md). */
package org.switchboard.api.followme;
