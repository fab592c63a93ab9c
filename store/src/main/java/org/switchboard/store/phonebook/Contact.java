package org.switchboard.store.phonebook;

import java.time.Instant;

/** A stored phone-book contact (V310). Immutable. */
public record Contact(long id, NewContact values, Instant createdAt, Instant updatedAt) {}
