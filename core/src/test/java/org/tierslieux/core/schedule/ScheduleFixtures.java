package org.tierslieux.core.schedule;

import java.time.Instant;
import java.util.List;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.ResourceId;

/** Builds schedule values for plain unit tests of other packages, without a database. */
public final class ScheduleFixtures {

    private ScheduleFixtures() {}

    public static Closure closure(ResourceId resource, ClosureKind kind, TimeRange period, String reason) {
        return new Closure(resource, kind, period, reason, null, Instant.EPOCH);
    }

    /** The snapshot a place with these hours (place-wide when {@code resource} is null) would give. */
    static Schedule schedule(
            java.time.ZoneId zone,
            TimeRange range,
            ResourceId resource,
            List<WeeklyHours.Interval> own,
            List<WeeklyHours.Interval> placeHours) {
        List<OpeningHours> hours = new java.util.ArrayList<>();
        placeHours.forEach(i -> hours.add(new OpeningHours(null, i)));
        own.forEach(i -> hours.add(new OpeningHours(resource, i)));
        return new Schedule(zone, range, hours, List.of(), List.of());
    }
}
