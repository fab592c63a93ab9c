package org.switchboard.store.trunk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link SipTrunkStore} on the shared {@link Database}; the only SQL for {@code sip_trunks}. Thread-safe. */
public final class JdbiSipTrunkStore implements SipTrunkStore {
    private static final String COLUMNS = "id, name, host, port, transport, outbound_proxy, username, password_sealed,"
            + " register, register_expiry, options_interval, options_misses, codecs, max_channels, caller_id_rules,"
            + " inbound_addresses, enabled, created_at, updated_at";
    private static final String VALUES = "name = :name, host = :host, port = :port, transport = :transport,"
            + " outbound_proxy = :outbound_proxy, username = :username, password_sealed = :password_sealed,"
            + " register = :register, register_expiry = :register_expiry, options_interval = :options_interval,"
            + " options_misses = :options_misses, codecs = :codecs, max_channels = :max_channels,"
            + " caller_id_rules = :caller_id_rules, inbound_addresses = :inbound_addresses, enabled = :enabled";
    private static final RowMapper<SipTrunk> MAPPER = (rs, ctx) -> new SipTrunk(
            rs.getLong("id"),
            new NewSipTrunk(
                    rs.getString("name"),
                    rs.getString("host"),
                    port(rs),
                    rs.getString("transport"),
                    Optional.ofNullable(rs.getString("outbound_proxy")),
                    Optional.ofNullable(rs.getString("username")),
                    Optional.ofNullable(rs.getString("password_sealed")),
                    rs.getBoolean("register"),
                    rs.getInt("register_expiry"),
                    rs.getInt("options_interval"),
                    rs.getInt("options_misses"),
                    list(rs.getString("codecs")),
                    rs.getInt("max_channels"),
                    Optional.ofNullable(rs.getString("caller_id_rules")),
                    list(rs.getString("inbound_addresses")),
                    rs.getBoolean("enabled")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiSipTrunkStore(Database database) {
        this.database = database;
    }

    @Override
    public SipTrunk create(NewSipTrunk trunk, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        INSERT INTO sip_trunks (name, host, port, transport, outbound_proxy, username, password_sealed,
                                                register, register_expiry, options_interval, options_misses, codecs,
                                                max_channels, caller_id_rules, inbound_addresses, enabled,
                                                created_at, updated_at)
                        VALUES (:name, :host, :port, :transport, :outbound_proxy, :username, :password_sealed,
                                :register, :register_expiry, :options_interval, :options_misses, :codecs,
                                :max_channels, :caller_id_rules, :inbound_addresses, :enabled, :now, :now)
                        RETURNING\s""" + COLUMNS), trunk)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .one());
    }

    @Override
    public SipTrunk update(String name, NewSipTrunk trunk, Instant now) {
        return database.write(h -> bind(h.createQuery("UPDATE sip_trunks SET " + VALUES
                        + ", updated_at = :now WHERE name = :key RETURNING " + COLUMNS), trunk)
                .bind("key", name)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("trunk", name)));
    }

    @Override
    public void delete(String name) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM sip_trunks WHERE name = :name")
                .bind("name", name)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("trunk", name);
        }
    }

    @Override
    public Optional<SipTrunk> find(String name) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM sip_trunks WHERE name = :name")
                .bind("name", name)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<SipTrunk> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM sip_trunks ORDER BY name")
                .map(MAPPER)
                .list());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NewSipTrunk t) {
        return statement
                .bind("name", t.name())
                .bind("host", t.host())
                .bind("port", t.port().isPresent() ? Integer.valueOf(t.port().getAsInt()) : null)
                .bind("transport", t.transport())
                .bind("outbound_proxy", t.outboundProxy().orElse(null))
                .bind("username", t.username().orElse(null))
                .bind("password_sealed", t.sealedPassword().orElse(null))
                .bind("register", t.register())
                .bind("register_expiry", t.registerExpiry())
                .bind("options_interval", t.optionsInterval())
                .bind("options_misses", t.optionsMisses())
                .bind("codecs", String.join(",", t.codecs()))
                .bind("max_channels", t.maxChannels())
                .bind("caller_id_rules", t.callerIdRules().orElse(null))
                .bind("inbound_addresses", String.join(",", t.inboundAddresses()))
                .bind("enabled", t.enabled());
    }

    private static OptionalInt port(ResultSet rs) throws SQLException {
        int port = rs.getInt("port");
        return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(port);
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
