/** The {@code registrations} table: the registrar's live bindings, written through and behind. */
package org.switchboard.store.registrar;
