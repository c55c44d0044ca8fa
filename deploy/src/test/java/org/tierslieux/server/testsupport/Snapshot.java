package org.tierslieux.server.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts and a hash of each tenant table's rows of one place, read as the superuser (no RLS). */
public record Snapshot(Map<String, String> tables) {

    public static Snapshot of(String placeId) {
        // one statement for all tables: the sweeps take snapshots before and after each operation or request
        StringBuilder sql = new StringBuilder();
        List<String> names = Sql.tenantTables();
        for (String table : names) {
            sql.append(sql.isEmpty() ? "" : " union all ")
                    .append("select '")
                    .append(table)
                    .append(
                            "' || '=' || count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '')")
                    .append(" from ")
                    .append(table)
                    .append(" t where tenant_id = cast('")
                    .append(placeId)
                    .append("' as uuid)");
        }
        Map<String, String> tables = new TreeMap<>();
        for (String row : Sql.texts(sql.toString())) {
            int equals = row.indexOf('=');
            tables.put(row.substring(0, equals), row.substring(equals + 1));
        }
        return new Snapshot(tables);
    }

    /** The tables whose rows of the place differ in {@code after}. */
    public List<String> differences(Snapshot after) {
        List<String> changed = new ArrayList<>();
        tables.forEach((table, hash) -> {
            if (!hash.equals(after.tables().get(table))) {
                changed.add(table);
            }
        });
        return changed;
    }
}
