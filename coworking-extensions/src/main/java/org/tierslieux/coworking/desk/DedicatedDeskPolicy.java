package org.tierslieux.coworking.desk;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingPolicy;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;

/**
 * A dedicated desk is its holder's: anyone else booking it while the assignment holds is refused (409
 * desk.assigned), except on the days the holder released. The release row is read FOR SHARE so that the holder
 * cannot take the day back between this check and the booking.
 */
@ApplicationScoped
class DedicatedDeskPolicy implements BookingPolicy {

    private final DeskAssignments assignments;

    DedicatedDeskPolicy(DeskAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public boolean appliesTo(BookingAttempt attempt) {
        return DeskDays.DESK_KIND.equals(attempt.resource().kind());
    }

    @Override
    public void check(BookingAttempt attempt) {
        ZoneId zone = attempt.place().zone();
        for (DeskAssignments.Assignment a : assignments.holding(attempt.resource(), attempt.period())) {
            if (a.holder().equals(attempt.person())) {
                continue;
            }
            for (LocalDate day : DeskAssignments.daysOf(attempt.period(), zone)) {
                TimeRange whole = TimeRange.ofDays(day, day, zone);
                TimeRange part = new TimeRange(
                        max(whole.start(), attempt.period().start()),
                        min(whole.end(), attempt.period().end()));
                if (a.holdsDuring(part) && !assignments.isReleased(a.id(), day, true)) {
                    throw DomainException.conflict(
                            "desk.assigned", Map.of("desk", attempt.resource().name(), "date", day.toString()));
                }
            }
        }
    }

    private static java.time.Instant max(java.time.Instant a, java.time.Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static java.time.Instant min(java.time.Instant a, java.time.Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
