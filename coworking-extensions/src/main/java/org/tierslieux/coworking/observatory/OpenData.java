package org.tierslieux.coworking.observatory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tierslieux.coworking.observatory.Figures.NetworkFigures;
import org.tierslieux.coworking.observatory.Figures.Period;

/**
 * The observatory as open data: one row per place (or {@code network} for the totals), period and measure, in
 * the "long" shape spreadsheets and data portals pivot easily. Aggregates only: no person, no booking, no
 * resource name (only its kind).
 */
public final class OpenData {

    /** The place slug written on the network's total rows. */
    public static final String NETWORK = "network";

    /** One figure. {@code resourceKind} is set for the occupancy measures only. */
    public record Row(
            String place,
            String placeName,
            String granularity,
            LocalDate periodStart,
            LocalDate periodEnd,
            String measure,
            String resourceKind,
            BigDecimal value) {}

    private OpenData() {}

    public static List<Row> rows(NetworkFigures figures) {
        List<Row> rows = new ArrayList<>();
        String cut = figures.granularity().name().toLowerCase(java.util.Locale.ROOT);
        for (var place : figures.places()) {
            for (Period p : place.periods()) {
                add(rows, place.place(), place.name(), cut, p, figures.networkVisitsCounted());
            }
        }
        for (Period p : figures.totals()) {
            add(rows, NETWORK, "", cut, p, figures.networkVisitsCounted());
        }
        return rows;
    }

    private static void add(List<Row> rows, String place, String name, String cut, Period p, boolean visits) {
        for (var o : p.occupancy()) {
            rows.add(new Row(place, name, cut, p.start(), p.end(), "open_seat_hours", o.kind(), o.openSeatHours()));
            rows.add(new Row(place, name, cut, p.start(), p.end(), "booked_seat_hours", o.kind(), o.bookedSeatHours()));
            if (o.rate() != null) {
                rows.add(new Row(place, name, cut, p.start(), p.end(), "occupancy_rate", o.kind(), o.rate()));
            }
        }
        rows.add(row(place, name, cut, p, "bookings", BigDecimal.valueOf(p.bookings())));
        rows.add(row(place, name, cut, p, "active_members", BigDecimal.valueOf(p.activeMembers())));
        rows.add(row(place, name, cut, p, "machine_hours", p.machineHours()));
        rows.add(row(place, name, cut, p, "new_members", BigDecimal.valueOf(p.newMembers())));
        if (visits) {
            rows.add(row(place, name, cut, p, "network_visitors_hosted", BigDecimal.valueOf(p.networkVisitors())));
            rows.add(row(place, name, cut, p, "network_days_hosted", p.networkDaysHosted()));
            rows.add(row(place, name, cut, p, "network_days_away", p.networkDaysAway()));
        }
    }

    private static Row row(String place, String name, String cut, Period p, String measure, BigDecimal value) {
        return new Row(place, name, cut, p.start(), p.end(), measure, null, value);
    }

    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(
                "place,place_name,granularity,period_start,period_end,measure,resource_kind,value\r\n");
        for (Row r : rows) {
            out.append(cell(r.place()))
                    .append(',')
                    .append(cell(r.placeName()))
                    .append(',')
                    .append(r.granularity())
                    .append(',')
                    .append(r.periodStart())
                    .append(',')
                    .append(r.periodEnd())
                    .append(',')
                    .append(r.measure())
                    .append(',')
                    .append(r.resourceKind() == null ? "" : cell(r.resourceKind()))
                    .append(',')
                    .append(r.value().toPlainString())
                    .append("\r\n");
        }
        return out.toString();
    }

    /** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
