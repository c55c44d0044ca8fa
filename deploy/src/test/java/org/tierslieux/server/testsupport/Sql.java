package org.tierslieux.server.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The superuser's view of the database (row-level security does not apply), on one connection kept open. */
public final class Sql {

    private Sql() {}

    private static java.sql.Connection connection;
    private static List<String> tenantTables;
    private static final Map<String, List<String>> COLUMNS = new java.util.HashMap<>();

    public static synchronized java.sql.Connection connection() throws java.sql.SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(2)) {
            connection = TestDatabase.superuser();
        }
        return connection;
    }

    public static synchronized List<String> texts(String sql, Object... parameters) {
        try (java.sql.PreparedStatement s = connection().prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    s.setArray(i + 1, s.getConnection().createArrayOf("varchar", array));
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            List<String> values = new ArrayList<>();
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static String text(String sql, Object... parameters) {
        List<String> values = texts(sql, parameters);
        return values.isEmpty() ? null : values.getFirst();
    }

    public static long count(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The tables a place owns: those with a tenant_id column. */
    public static synchronized List<String> tenantTables() {
        if (tenantTables == null) {
            tenantTables = texts("select c.table_name from information_schema.columns c"
                    + " join pg_class t on t.relname = c.table_name and t.relkind = 'r'"
                    + " where c.table_schema = 'public' and c.column_name = 'tenant_id' order by 1");
        }
        return tenantTables;
    }

    public static synchronized List<String> columns(String table) {
        return COLUMNS.computeIfAbsent(
                table,
                t -> texts(
                        "select column_name from information_schema.columns where table_schema = 'public'"
                                + " and table_name = ? order by ordinal_position",
                        t));
    }
}
