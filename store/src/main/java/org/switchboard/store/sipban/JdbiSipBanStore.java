package org.switchboard.store.sipban;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link SipBanStore} on the shared {@link Database}; the only SQL for {@code sip_bans}. Thread-safe. */
public final class JdbiSipBanStore implements SipBanStore {
    private static final String COLUMNS = "id, address, reason, failures, expires_at, created_at, updated_at";
    private static final RowMapper<SipBan> MAPPER = (rs, ctx) -> new SipBan(
            rs.getLong("id"),
            rs.getString("address"),
            rs.getString("reason"),
            rs.getInt("failures"),
            Instant.ofEpochMilli(rs.getLong("expires_at")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiSipBanStore(Database database) {
        this.database = database;
    }

    @Override
    public SipBan ban(NewSipBan ban, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO sip_bans (address, reason, failures, expires_at, created_at, updated_at)
                        VALUES (:address, :reason, :failures, :expires, :now, :now)
                        ON CONFLICT (address) DO UPDATE SET reason = excluded.reason, failures = excluded.failures,
                               expires_at = excluded.expires_at, updated_at = excluded.updated_at
                        RETURNING\s""" + COLUMNS)
                .bind("address", ban.addressText())
                .bind("reason", ban.reason())
                .bind("failures", ban.failures())
                .bind("expires", ban.expiresAt())
                .bind("now", now)
                .map(MAPPER)
                .one());
    }

    @Override
    public List<SipBan> active(Instant now) {
        return database.read(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM sip_bans WHERE expires_at > :now ORDER BY expires_at, address")
                .bind("now", now)
                .map(MAPPER)
                .list());
    }

    @Override
    public void lift(InetAddress address, Instant now) {
        database.execute(h -> {
            int lifted = h.createUpdate("DELETE FROM sip_bans WHERE address = :address AND expires_at > :now")
                    .bind("address", address.getHostAddress())
                    .bind("now", now)
                    .execute();
            if (lifted == 0) {
                throw new NotFoundException("sip ban", address.getHostAddress());
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        return database.write(h -> h.createUpdate("DELETE FROM sip_bans WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }
}
