/** The company phone book's table (V310): contacts with names and numbers (docs/phone-book.md). */
package org.switchboard.store.phonebook;
