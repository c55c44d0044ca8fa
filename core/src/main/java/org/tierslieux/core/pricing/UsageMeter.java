package org.tierslieux.core.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.Resource;

/**
 * The one rule that turns a booking into quantities, used by prices and by credits alike.
 *
 * <p>Per local day (in the place's zone) the booking touches: HOUR is the duration in hours, two decimals;
 * a part of at most {@value #HALF_DAY_HOURS} hours counts 1 HALF_DAY and 0.5 DAY, a longer part 2 HALF_DAY
 * and 1 DAY. Every time quantity is multiplied by the seats taken (two seats of a desk pool for a day are
 * two desk-days). USE and SESSION count the seats, once per booking.
 */
public final class UsageMeter {

    static final int HALF_DAY_HOURS = 5;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private UsageMeter() {}

    public static Usage of(Resource resource, TimeRange period, int seats, ZoneId zone) {
        Usage total = Usage.none();
        for (Usage day : perDay(period, seats, zone)) {
            total = total.plus(day);
        }
        EnumMap<Unit, BigDecimal> q = new EnumMap<>(total.quantities());
        q.put(Unit.USE, BigDecimal.valueOf(seats));
        q.put(Unit.SESSION, BigDecimal.valueOf(seats));
        return new Usage(q);
    }

    /** The time quantities (HOUR, HALF_DAY, DAY) of each local day the period touches, in order. */
    public static List<Usage> perDay(TimeRange period, int seats, ZoneId zone) {
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be at least 1: " + seats);
        }
        List<Usage> days = new ArrayList<>();
        BigDecimal s = BigDecimal.valueOf(seats);
        LocalDate day = LocalDate.ofInstant(period.start(), zone);
        while (true) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant from = period.start().isAfter(dayStart) ? period.start() : dayStart;
            Instant to = period.end().isBefore(dayEnd) ? period.end() : dayEnd;
            if (!to.isAfter(from)) {
                break;
            }
            long minutes = Duration.between(from, to).toMinutes();
            BigDecimal hours = BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
            boolean half = minutes <= HALF_DAY_HOURS * 60L;
            EnumMap<Unit, BigDecimal> q = new EnumMap<>(Unit.class);
            q.put(Unit.HOUR, hours.multiply(s));
            q.put(Unit.HALF_DAY, (half ? BigDecimal.ONE : BigDecimal.TWO).multiply(s));
            q.put(Unit.DAY, (half ? new BigDecimal("0.5") : BigDecimal.ONE).multiply(s));
            days.add(new Usage(q));
            if (!period.end().isAfter(dayEnd)) {
                break;
            }
            day = day.plusDays(1);
        }
        return days;
    }
}
