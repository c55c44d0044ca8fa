package org.tierslieux.server.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What must hold in the database whatever ran against it, concurrently or killed half-way: read with plain JDBC
 * as the superuser (row-level security does not apply to it), across every place. Each method returns the rows
 * that break its rule, one readable line each (empty: it holds); {@link #assertAll()} runs them all and fails
 * naming every broken rule and its rows.
 */
final class Invariants {

    /** A check of a place's footprint chain by the production code (the verification API): a problem or null. */
    interface ChainCheck {
        String problem(String place) throws Exception;
    }

    private final Callable<Connection> connections;
    private final ChainCheck productionChainCheck;

    /**
     * {@code productionChainCheck} recomputes each place's footprints with the application's own code (null: only
     * the links are checked here).
     */
    Invariants(Callable<Connection> connections, ChainCheck productionChainCheck) {
        this.connections = connections;
        this.productionChainCheck = productionChainCheck;
    }

    /** Every rule; fails with each broken one and its rows. Returns what was checked (for the summary). */
    Map<String, Integer> assertAll() throws Exception {
        Map<String, List<String>> broken = new LinkedHashMap<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        broken.put("exclusive resources booked twice at once", exclusiveOverlaps());
        broken.put("seats taken beyond a resource's capacity", seatsBeyondCapacity());
        broken.put("credit lots whose entries do not sum to a balance between 0 and what was granted", creditLots());
        broken.put("bookings whose credits were consumed more than once or given back more", creditsPerBooking());
        broken.put("gaps or duplicates in a numbering series", numbering());
        broken.put("broken footprint chains", footprintChains());
        broken.put("held bookings past their expiry", heldPastExpiry());
        broken.put("payments recorded twice", paymentsRecordedTwice());
        broken.put("orders paid twice", ordersPaidTwice());
        broken.put("paid orders without exactly one invoice", paidOrdersInvoices());
        broken.put("subscription periods renewed twice", periodsTwice());
        StringBuilder failures = new StringBuilder();
        broken.forEach((rule, rows) -> {
            if (!rows.isEmpty()) {
                failures.append("\n- ")
                        .append(rule)
                        .append(" (")
                        .append(rows.size())
                        .append("):");
                rows.stream().limit(20).forEach(row -> failures.append("\n    ").append(row));
            }
        });
        assertThat(failures.toString()).as("broken invariants").isEmpty();
        checked.put("bookings", count("select count(*) from booking"));
        checked.put("creditEntries", count("select count(*) from credit_entry"));
        checked.put("documents", count("select count(*) from document"));
        checked.put("payments", count("select count(*) from payment"));
        checked.put("paidOrders", count("select count(*) from sale_order where paid_at is not null"));
        return checked;
    }

    /** EXCLUSIVE resources: two taken bookings (held or confirmed) never overlap. */
    List<String> exclusiveOverlaps() throws Exception {
        return rows("select r.name, a.id, b.id, a.period::text, b.period::text from booking a"
                + " join booking b on b.tenant_id = a.tenant_id and b.resource_id = a.resource_id and a.id < b.id"
                + " and a.period && b.period"
                + " join resource r on r.tenant_id = a.tenant_id and r.id = a.resource_id"
                + " where r.booking_mode = 'EXCLUSIVE' and a.status in ('HELD', 'CONFIRMED')"
                + " and b.status in ('HELD', 'CONFIRMED')");
    }

    /**
     * SEATS resources: at every instant, the seats of the taken bookings are at most the capacity. The load only
     * rises at a booking's start, so the starts are the instants to check.
     */
    List<String> seatsBeyondCapacity() throws Exception {
        return rows("select r.name, r.id, s.at, r.capacity, sum(b.seats) as taken from resource r"
                + " join (select distinct tenant_id, resource_id, starts_at as at from booking"
                + " where status in ('HELD', 'CONFIRMED')) s on s.tenant_id = r.tenant_id and s.resource_id = r.id"
                + " join booking b on b.tenant_id = r.tenant_id and b.resource_id = r.id"
                + " and b.status in ('HELD', 'CONFIRMED') and b.period @> s.at"
                + " where r.booking_mode = 'SEATS' group by r.name, r.id, s.at, r.capacity"
                + " having sum(b.seats) > r.capacity");
    }

    /**
     * The ledger: a lot's balance is the sum of its entries (there is no stored balance to drift: every reader
     * sums); it is never negative and never above what was granted and added to it.
     */
    List<String> creditLots() throws Exception {
        return rows("select g.person_id, g.id as lot, g.label, sum(e.quantity) as balance,"
                + " sum(e.quantity) filter (where e.type = 'GRANT' or (e.type = 'ADJUST' and e.quantity > 0))"
                + " as granted from credit_entry g join credit_entry e on e.tenant_id = g.tenant_id"
                + " and e.lot_id = g.id where g.type = 'GRANT' group by g.person_id, g.id, g.label"
                + " having sum(e.quantity) < 0 or sum(e.quantity) > sum(e.quantity) filter (where e.type = 'GRANT'"
                + " or (e.type = 'ADJUST' and e.quantity > 0))");
    }

    /**
     * Per booking and lot, what was given back never exceeds what was consumed; a booking that no longer holds its
     * time (cancelled, expired) holds no credit; a taken booking consumed at most once per lot (a move gives back
     * first).
     */
    List<String> creditsPerBooking() throws Exception {
        return rows("select e.booking_id, e.lot_id, b.status, sum(e.quantity) as net,"
                + " count(*) filter (where e.type = 'CONSUME') as consumptions,"
                + " count(*) filter (where e.type = 'REFUND') as refunds from credit_entry e"
                + " join booking b on b.tenant_id = e.tenant_id and b.id = e.booking_id"
                + " where e.type in ('CONSUME', 'REFUND') group by e.booking_id, e.lot_id, b.status"
                + " having sum(e.quantity) > 0"
                + " or (b.status in ('CANCELLED', 'EXPIRED') and sum(e.quantity) <> 0)"
                + " or count(*) filter (where e.type = 'CONSUME') - count(*) filter (where e.type = 'REFUND') > 1");
    }

    /** Per place and series: sequences 1..n, no gap, no duplicate, and the counter at n. */
    List<String> numbering() throws Exception {
        List<String> broken = rows("select p.slug, d.series, count(*) as documents,"
                + " count(distinct d.sequence) as distinct_sequences, min(d.sequence) as first,"
                + " max(d.sequence) as last, max(s.last_sequence) as counter from document d"
                + " join place p on p.id = d.tenant_id"
                + " left join document_series s on s.tenant_id = d.tenant_id and s.series = d.series"
                + " group by p.slug, d.series having count(*) <> count(distinct d.sequence) or min(d.sequence) <> 1"
                + " or max(d.sequence) <> count(*) or max(s.last_sequence) <> max(d.sequence)");
        broken.addAll(rows("select p.slug, s.series, s.last_sequence from document_series s"
                + " join place p on p.id = s.tenant_id where s.last_sequence > 0 and not exists (select 1"
                + " from document d where d.tenant_id = s.tenant_id and d.series = s.series)"));
        broken.addAll(rows("select p.slug, d.number, count(*) from document d join place p on p.id = d.tenant_id"
                + " group by p.slug, d.number having count(*) > 1"));
        return broken;
    }

    /**
     * Per place: from the genesis, each document names the previous footprint, the chain passes through every
     * document once, and ends at the stored head with the stored count; then the application recomputes every
     * footprint (when a production check was given).
     */
    List<String> footprintChains() throws Exception {
        List<String> broken = new ArrayList<>();
        List<String> places = strings("select distinct p.slug from document d join place p on p.id = d.tenant_id");
        for (String place : places) {
            Map<String, String[]> byPrevious = new LinkedHashMap<>();
            List<String[]> documents = table(
                    "select d.number, d.previous_footprint, d.footprint from document d join place p"
                            + " on p.id = d.tenant_id where p.slug = ?",
                    place);
            for (String[] d : documents) {
                String[] twice = byPrevious.put(d[1], d);
                if (twice != null) {
                    broken.add(place + ": fork at " + d[1] + ": " + twice[0] + " and " + d[0]);
                }
            }
            String expected = "0".repeat(64);
            int walked = 0;
            while (byPrevious.containsKey(expected) && walked <= documents.size()) {
                expected = byPrevious.get(expected)[2];
                walked++;
            }
            List<String[]> head = table(
                    "select c.last_footprint, c.documents from document_chain c join place p on p.id = c.tenant_id"
                            + " where p.slug = ?",
                    place);
            if (walked != documents.size()) {
                broken.add(place + ": the chain reaches " + walked + " of " + documents.size() + " documents");
            }
            if (head.isEmpty()
                    || !head.get(0)[0].equals(expected)
                    || Long.parseLong(head.get(0)[1]) != documents.size()) {
                broken.add(place + ": head " + (head.isEmpty() ? "missing" : head.get(0)[0] + " / " + head.get(0)[1])
                        + ", the chain ends at " + expected + " / " + documents.size());
            }
            if (productionChainCheck != null) {
                String problem = productionChainCheck.problem(place);
                if (problem != null) {
                    broken.add(place + ": " + problem);
                }
            }
        }
        return broken;
    }

    /** No booking is still HELD a while (the sweep's interval, plus slack) after its hold ran out. */
    List<String> heldPastExpiry() throws Exception {
        return rows("select b.id, r.name, b.hold_expires_at, now() - b.hold_expires_at as late from booking b"
                + " join resource r on r.tenant_id = b.tenant_id and r.id = b.resource_id"
                + " where b.status = 'HELD' and b.hold_expires_at < now() - interval '10 seconds'");
    }

    /** A provider's payment is recorded once (one row per provider id, across places too). */
    List<String> paymentsRecordedTwice() throws Exception {
        return rows("select provider_id, count(*), string_agg(id::text, ', ') from payment"
                + " where provider_id is not null group by provider_id having count(*) > 1");
    }

    /**
     * No order keeps more money than it costs: the paid payments, less what was given back, sum to at most the
     * order's amount (a second payment of a paid order is refunded).
     */
    List<String> ordersPaidTwice() throws Exception {
        return rows("select o.id, o.status, o.amount, count(p.id) as paid_payments,"
                + " sum(p.amount - p.refunded) as kept, string_agg(p.provider_id, ', ') from sale_order o"
                + " join payment p on p.tenant_id = o.tenant_id and p.order_id = o.id and p.status = 'PAID'"
                + " group by o.id, o.status, o.amount having sum(p.amount - p.refunded) > o.amount");
    }

    /** A paid order (not free) has exactly one invoice, the one it names; no order has two. */
    List<String> paidOrdersInvoices() throws Exception {
        return rows("select o.id, o.status, o.amount, o.invoice_id, count(d.id) as invoices,"
                + " string_agg(d.number, ', ') from sale_order o left join document d on d.tenant_id = o.tenant_id"
                + " and d.order_id = o.id and d.type = 'INVOICE' group by o.id, o.status, o.amount, o.invoice_id,"
                + " o.paid_at having count(d.id) > 1 or (o.paid_at is not null and o.amount > 0 and (count(d.id) <> 1"
                + " or o.invoice_id is null or o.invoice_id <> min(d.id::text)::uuid))");
    }

    /** A subscription's period is renewed once; a renewal opens at most one order. */
    List<String> periodsTwice() throws Exception {
        List<String> broken = rows("select subscription_id, period_start, count(*) from subscription_period"
                + " group by subscription_id, period_start having count(*) > 1");
        broken.addAll(rows("select sp.subscription_id, sp.period_start, count(o.id) as orders from subscription_period"
                + " sp join sale_order o on o.tenant_id = sp.tenant_id and o.quote_id = sp.quote_id"
                + " group by sp.subscription_id, sp.period_start having count(o.id) > 1"));
        return broken;
    }

    // --- JDBC

    int count(String sql) throws Exception {
        return Integer.parseInt(table(sql).get(0)[0]);
    }

    List<String> strings(String sql, Object... parameters) throws Exception {
        return table(sql, parameters).stream().map(row -> row[0]).toList();
    }

    /** Each row as "column=value, ...". */
    List<String> rows(String sql, Object... parameters) throws Exception {
        List<String> lines = new ArrayList<>();
        query(sql, parameters, (meta, row) -> {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                line.append(i > 1 ? ", " : "")
                        .append(meta.getColumnLabel(i))
                        .append('=')
                        .append(row.getString(i));
            }
            lines.add(line.toString());
        });
        return lines;
    }

    List<String[]> table(String sql, Object... parameters) throws Exception {
        List<String[]> result = new ArrayList<>();
        query(sql, parameters, (meta, row) -> {
            String[] values = new String[meta.getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getString(i + 1);
            }
            result.add(values);
        });
        return result;
    }

    private interface RowReader {
        void read(ResultSetMetaData meta, ResultSet row) throws SQLException;
    }

    private void query(String sql, Object[] parameters, RowReader reader) throws Exception {
        try (Connection c = connections.call();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows.getMetaData(), rows);
                }
            }
        }
    }
}
