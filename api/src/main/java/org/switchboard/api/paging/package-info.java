/** Paging zones over HTTP: {@code /api/paging-zones} (docs/paging.md). */
package org.switchboard.api.paging;
