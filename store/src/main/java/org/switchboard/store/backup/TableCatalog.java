package org.switchboard.store.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application tables of a database with their columns, in foreign-key order (a referenced
 * table before the tables referring to it), read from JDBC metadata so it works the same on both
 * engines. Flyway's history and SQLite's internal tables are left out. Immutable once read.
 */
record TableCatalog(List<Table> tables) {

    /** One table: its name and columns in ordinal order, each with its {@link java.sql.Types} code. */
    record Table(String name, Map<String, Integer> columnTypes) {}

    static TableCatalog read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history")) {
                    parents.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : parents.keySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        List<Table> ordered = new ArrayList<>();
        for (String name : foreignKeyOrder(parents)) {
            ordered.add(new Table(name, columns(meta, schema, name)));
        }
        return new TableCatalog(List.copyOf(ordered));
    }

    boolean has(String name) {
        return tables.stream().anyMatch(t -> t.name().equals(name));
    }

    private static Map<String, Integer> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Map<Integer, Map.Entry<String, Integer>> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                byPosition.put(rs.getInt("ORDINAL_POSITION"),
                        Map.entry(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE")));
            }
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        byPosition.values().forEach(e -> columns.put(e.getKey(), e.getValue()));
        return columns;
    }

    /** Depth-first topological order; names sorted for a stable result. A cycle is refused. */
    private static List<String> foreignKeyOrder(Map<String, Set<String>> parents) {
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String table : parents.keySet()) {
            visit(table, parents, visiting, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> visiting, List<String> order) {
        if (order.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new IllegalStateException("foreign keys form a cycle through " + visiting);
        }
        for (String parent : parents.getOrDefault(table, Set.of())) {
            if (parents.containsKey(parent)) {
                visit(parent, parents, visiting, order);
            }
        }
        visiting.remove(table);
        order.add(table);
    }
}
