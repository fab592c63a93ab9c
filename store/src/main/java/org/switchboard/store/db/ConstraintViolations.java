package org.switchboard.store.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.ConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place where driver errors become domain errors: unique and foreign-key violations of
 * either engine become {@link ConflictException} naming the column, lost connections become
 * {@link UnavailableException}, a full disk becomes {@link StorageFullException}. Stateless; any thread.
 */
public final class ConstraintViolations {
    private static final String PG_UNIQUE = "23505";
    private static final String PG_FOREIGN_KEY = "23503";
    private static final String PG_DISK_FULL = "53100";
    // PostgreSQL detail: Key (number)=(1001) already exists.  /  Key (admin_user_id)=(7) is not present in table ...
    private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]+)\\)=");
    // SQLite message: UNIQUE constraint failed: extensions.number
    private static final Pattern SQLITE_UNIQUE = Pattern.compile("UNIQUE constraint failed: ([\\w.]+(?:, [\\w.]+)*)");

    private ConstraintViolations() {}

    /**
     * The domain error for a failure raised while talking to the database, or empty when the
     * failure is none of the translated kinds (the caller rethrows it unchanged).
     */
    public static Optional<RuntimeException> translate(Throwable failure) {
        if (failure instanceof ConflictException || failure instanceof UnavailableException
                || failure instanceof StorageFullException) {
            return Optional.of((RuntimeException) failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException) {
                return Optional.of(new UnavailableException("database unreachable: " + t.getMessage(), failure));
            }
            if (t instanceof PSQLException pg) {
                Optional<RuntimeException> mapped = fromPostgresql(pg);
                if (mapped.isPresent()) {
                    return mapped;
                }
            }
            if (t instanceof SQLiteException sqlite) {
                Optional<RuntimeException> mapped = fromSqlite(sqlite);
                if (mapped.isPresent()) {
                    return mapped;
                }
            }
            if (t instanceof SQLException sql && isConnectionLoss(sql.getSQLState())) {
                return Optional.of(new UnavailableException("database connection lost: " + sql.getMessage(), failure));
            }
        }
        return Optional.empty();
    }

    /**
     * SQLState class 08 is a connection exception (SQL standard); PostgreSQL's 57P01-57P03 mean the
     * server is shutting down, crashed or not yet accepting connections.
     */
    private static boolean isConnectionLoss(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    private static Optional<RuntimeException> fromPostgresql(PSQLException e) {
        String state = e.getSQLState();
        if (PG_DISK_FULL.equals(state)) {
            return Optional.of(diskFull("PostgreSQL 53100 " + e.getMessage(), e));
        }
        if (!PG_UNIQUE.equals(state) && !PG_FOREIGN_KEY.equals(state)) {
            return Optional.empty();
        }
        ServerErrorMessage server = e.getServerErrorMessage();
        String detail = server == null || server.getDetail() == null ? "" : server.getDetail();
        Matcher m = PG_KEY.matcher(detail);
        String field = m.find() ? lastColumn(m.group(1)) : "unknown";
        return Optional.of(PG_UNIQUE.equals(state) ? duplicate(field) : missingReference(field));
    }

    private static Optional<RuntimeException> fromSqlite(SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_FULL) {
            return Optional.of(diskFull("SQLITE_FULL", e));
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
            Matcher m = SQLITE_UNIQUE.matcher(String.valueOf(e.getMessage()));
            String field = m.find() ? lastColumn(m.group(1)) : "unknown";
            return Optional.of(duplicate(field));
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
            // SQLite does not say which foreign key failed.
            return Optional.of(missingReference("reference"));
        }
        return Optional.empty();
    }

    private static StorageFullException diskFull(String detail, Throwable cause) {
        return new StorageFullException("the disk holding the database is full (" + detail + "); nothing was changed", cause);
    }

    /** For a composite key "a, b" or a qualified "table.col", the last column name. */
    private static String lastColumn(String columns) {
        String last = columns.substring(columns.lastIndexOf(',') + 1).strip();
        return last.substring(last.lastIndexOf('.') + 1);
    }

    private static ConflictException duplicate(String field) {
        return new ConflictException(field, field + " already exists");
    }

    private static ConflictException missingReference(String field) {
        return new ConflictException(field, field + " refers to a missing row, or a row still refers to this one");
    }
}
