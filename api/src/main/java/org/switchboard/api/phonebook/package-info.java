/** The company phone book's REST routes (docs/phone-book.md). */
package org.switchboard.api.phonebook;
