package org.switchboard.store.phonebook;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link PhoneBookStore} on the shared {@link Database}; the only SQL for {@code phone_book}. Thread-safe. */
public final class JdbiPhoneBookStore implements PhoneBookStore {
    private static final String COLUMNS = "id, first_name, last_name, company, office, mobile, home, email, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO phone_book (first_name, last_name, company, office, mobile, home, email, created_at, updated_at)
            VALUES (:firstName, :lastName, :company, :office, :mobile, :home, :email, :now, :now)""";

    private final Database database;

    public JdbiPhoneBookStore(Database database) {
        this.database = database;
    }

    @Override
    public List<Contact> list() {
        return database.read(h -> select(h, "ORDER BY COALESCE(last_name, first_name, company), first_name, company, id", Map.of()));
    }

    @Override
    public Optional<Contact> find(long id) {
        return database.read(h -> select(h, "WHERE id = :id", Map.of("id", id)).stream().findFirst());
    }

    /** The contact just written, read in the same transaction. */
    private static Contact byId(Handle h, long id) {
        return select(h, "WHERE id = :id", Map.of("id", id)).getFirst();
    }

    @Override
    public Contact create(NewContact contact, Instant now) {
        return database.write(h -> byId(h, insert(h, contact, now)));
    }

    @Override
    public Contact update(long id, NewContact contact, Instant now) {
        return database.write(h -> {
            int updated = h.createUpdate("""
                            UPDATE phone_book SET first_name = :firstName, last_name = :lastName, company = :company,
                                office = :office, mobile = :mobile, home = :home, email = :email, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns(contact, now))
                    .bind("id", id)
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("contact", Long.toString(id));
            }
            return byId(h, id);
        });
    }

    @Override
    public void delete(long id) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM phone_book WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("contact", Long.toString(id));
            }
        });
    }

    @Override
    public int importAll(List<NewContact> contacts, boolean replace, Instant now) {
        return database.write(h -> {
            if (replace) {
                h.createUpdate("DELETE FROM phone_book").execute();
            }
            contacts.forEach(c -> insert(h, c, now));
            return contacts.size();
        });
    }

    private static List<Contact> select(Handle h, String rest, Map<String, Object> params) {
        return h.createQuery("SELECT " + COLUMNS + " FROM phone_book " + rest)
                .bindMap(params)
                .map((rs, ctx) -> new Contact(rs.getLong("id"), new NewContact(
                        Optional.ofNullable(rs.getString("first_name")), Optional.ofNullable(rs.getString("last_name")),
                        Optional.ofNullable(rs.getString("company")), Optional.ofNullable(rs.getString("office")),
                        Optional.ofNullable(rs.getString("mobile")), Optional.ofNullable(rs.getString("home")),
                        Optional.ofNullable(rs.getString("email"))),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
    }

    private static long insert(Handle h, NewContact contact, Instant now) {
        return h.createUpdate(INSERT).bindMap(columns(contact, now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    private static Map<String, Object> columns(NewContact c, Instant now) {
        // Map.of refuses nulls: an absent part stores NULL.
        HashMap<String, Object> columns = new HashMap<>();
        columns.put("firstName", c.firstName().orElse(null));
        columns.put("lastName", c.lastName().orElse(null));
        columns.put("company", c.company().orElse(null));
        columns.put("office", c.office().orElse(null));
        columns.put("mobile", c.mobile().orElse(null));
        columns.put("home", c.home().orElse(null));
        columns.put("email", c.email().orElse(null));
        columns.put("now", now.toEpochMilli());
        return columns;
    }
}
