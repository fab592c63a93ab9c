/** CDR listing and CSV export routes and their JSON shapes. */
package org.switchboard.api.cdr;
