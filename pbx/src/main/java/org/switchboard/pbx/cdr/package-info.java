/** Call detail records: the recorder call control reports ended calls to, and queries and CSV export of stored CDRs. */
package org.switchboard.pbx.cdr;
