/** Server-sent events: the PBX event bus streamed to the live admin panel. */
package org.switchboard.api.sse;
