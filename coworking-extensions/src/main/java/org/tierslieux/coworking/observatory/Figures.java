package org.tierslieux.coworking.observatory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** What the observatory counts, as the API and the pages show it. Nothing in here names a person. */
public final class Figures {

    private Figures() {}

    /**
     * One kind of resource over one bucket: the seat-hours its resources were open (capacity for seats, one
     * for a resource booked whole, times the opening hours), the seat-hours booked (confirmed bookings), and
     * their ratio, null when nothing was open.
     */
    @io.quarkus.qute.TemplateData
    public record KindOccupancy(String kind, BigDecimal openSeatHours, BigDecimal bookedSeatHours, BigDecimal rate) {

        static KindOccupancy of(String kind, BigDecimal open, BigDecimal booked) {
            return new KindOccupancy(kind, hours(open), hours(booked), Figures.rate(booked, open));
        }

        KindOccupancy plus(KindOccupancy other) {
            return of(kind, openSeatHours.add(other.openSeatHours), bookedSeatHours.add(other.bookedSeatHours));
        }

        /** The rate as a percentage for people: "42 %" reads better than 0.4213. */
        public String percent() {
            return rate == null ? "–" : rate.movePointRight(2).setScale(0, RoundingMode.HALF_UP) + " %";
        }
    }

    /** One week or month of one place (or of the whole network). */
    @io.quarkus.qute.TemplateData
    public record Period(
            String label,
            LocalDate start,
            LocalDate end,
            List<KindOccupancy> occupancy,
            int bookings,
            int activeMembers,
            BigDecimal machineHours,
            int newMembers,
            int networkVisitors,
            BigDecimal networkDaysHosted,
            BigDecimal networkDaysAway) {

        public KindOccupancy occupancyOf(String kind) {
            return occupancy.stream()
                    .filter(o -> o.kind().equals(kind))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A place's figures over a period. */
    @io.quarkus.qute.TemplateData
    public record PlaceFigures(
            String place,
            String name,
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            List<String> kinds,
            List<Period> periods,
            boolean networkVisitsCounted) {}

    /** Every place's figures and the network's totals, period by period. */
    @io.quarkus.qute.TemplateData
    public record NetworkFigures(
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            List<String> kinds,
            List<PlaceFigures> places,
            List<Period> totals,
            boolean networkVisitsCounted) {}

    static BigDecimal hours(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(BigDecimal booked, BigDecimal open) {
        return open.signum() == 0 ? null : booked.divide(open, 4, RoundingMode.HALF_UP);
    }
}
