package org.tierslieux.core.booking.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.schedule.Closure;
import org.tierslieux.core.schedule.ClosureKind;
import org.tierslieux.core.schedule.Session;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.tenancy.PlaceContext;

/** The records and conversions the schedule endpoints share. */
abstract class ScheduleViews {

    public record HoursInterval(
            @NotNull DayOfWeek day,
            @NotNull LocalTime opens,
            @NotNull LocalTime closes) {}

    /** {@code inherited}: a resource following the place's hours, or a place on the default hours. */
    public record Hours(@NotNull @Size(max = 70) List<@Valid @NotNull HoursInterval> hours, Boolean inherited) {}

    public record ClosureRequest(
            UUID resourceId,
            ClosureKind kind,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Size(max = 500) String reason) {}

    public record ClosureResponse(
            UUID id, UUID resourceId, ClosureKind kind, OffsetDateTime start, OffsetDateTime end, String reason) {}

    public record ImpactResponse(ClosureResponse closure, List<BookingsResource.PlaceBookingResponse> affected) {}

    public record CancelAffected(@Size(max = 500) String reason) {}

    public record SessionRequest(
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Size(max = 200) String title) {}

    public record SessionResponse(UUID id, UUID resourceId, OffsetDateTime start, OffsetDateTime end, String title) {}

    ClosureResponse closure(Closure c) {
        ZoneId zone = placeContext().require().zone();
        return new ClosureResponse(
                c.id(),
                c.resource().map(ResourceId::value).orElse(null),
                c.kind(),
                Times.local(c.period().start(), zone),
                Times.local(c.period().end(), zone),
                c.reason());
    }

    SessionResponse session(Session s) {
        ZoneId zone = placeContext().require().zone();
        return new SessionResponse(
                s.id(),
                s.resource().value(),
                Times.local(s.period().start(), zone),
                Times.local(s.period().end(), zone),
                s.title());
    }

    static Hours hours(WeeklyHours hours, boolean inherited) {
        return new Hours(
                hours.intervals().stream()
                        .map(i -> new HoursInterval(i.day(), i.opens(), i.closes()))
                        .toList(),
                inherited);
    }

    static WeeklyHours weekly(Hours request) {
        return new WeeklyHours(request.hours().stream()
                .map(i -> new WeeklyHours.Interval(i.day(), i.opens(), i.closes()))
                .toList());
    }

    abstract PlaceContext placeContext();
}
