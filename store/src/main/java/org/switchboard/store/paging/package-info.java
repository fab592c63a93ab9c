/** Rows of the paging zones: the zones and their members (V250). */
package org.switchboard.store.paging;
