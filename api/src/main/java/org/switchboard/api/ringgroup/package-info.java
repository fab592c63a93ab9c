/** Ring groups over HTTP: {@code /api/ring-groups} (docs/ring-groups.md). */
package org.switchboard.api.ringgroup;
