package org.tierslieux.core.booking;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Columns;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.Schedule;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.tenancy.PlaceContext;

/** What is free, resource by resource, over whole local days of the place. */
@ApplicationScoped
public class AvailabilityService {

    /** The longest range one question may cover. */
    public static final int MAX_DAYS = 62;

    /** The free intervals of one resource. */
    public record OfResource(Resource resource, List<Availability.Free> free) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final ScheduleService schedules;
    private final Instance<Unavailability> unavailabilities;

    AvailabilityService(
            Clock clock,
            PlaceContext placeContext,
            ResourceService resources,
            ScheduleService schedules,
            @Any Instance<Unavailability> unavailabilities) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.resources = resources;
        this.schedules = schedules;
        this.unavailabilities = unavailabilities;
    }

    @Transactional
    public List<Availability.Free> of(ResourceId id, LocalDate from, LocalDate to) {
        Resource resource = resources.find(id);
        if (!resource.isActive()) {
            return List.of();
        }
        return compute(List.of(resource), from, to).get(0).free();
    }

    /** Every active resource of the place: a week of a whole place in a handful of queries. */
    @Transactional
    public List<OfResource> ofPlace(LocalDate from, LocalDate to) {
        return compute(resources.active(), from, to);
    }

    private List<OfResource> compute(List<Resource> list, LocalDate from, LocalDate to) {
        var zone = placeContext.require().zone();
        if (to.isBefore(from)) {
            throw DomainException.invalid("availability.to-before-from", Map.of());
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("availability.range-too-long", Map.of("days", MAX_DAYS));
        }
        if (from.getYear() < 2000 || to.getYear() > 2200) {
            throw DomainException.invalid("availability.absurd-date", Map.of());
        }
        TimeRange range = TimeRange.ofDays(from, to, zone);
        Schedule schedule = schedules.snapshot(range);
        Map<UUID, List<Availability.Taken>> taken = taken(range);
        for (Unavailability unavailability : unavailabilities) {
            unavailability
                    .during(list, range)
                    .forEach((id, periods) -> taken.computeIfAbsent(id.value(), k -> new ArrayList<>())
                            .addAll(periods));
        }
        List<OfResource> result = new ArrayList<>(list.size());
        for (Resource r : list) {
            List<Availability.Free> free = Availability.free(
                    schedule.windows(r).stream()
                            .filter(w -> range.contains(w.range()))
                            .toList(),
                    schedule.closuresOf(r.id()),
                    taken.getOrDefault(r.id().value(), List.of()),
                    r.seatsOnOffer(),
                    r.slotMinutes(),
                    clock.instant());
            result.add(new OfResource(r, free));
        }
        return result;
    }

    private Map<UUID, List<Availability.Taken>> taken(TimeRange range) {
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select resource_id, starts_at, ends_at, seats from booking"
                                + " where period && tstzrange(:start, :end, '[)')"
                                + " and (status = 'CONFIRMED' or (status = 'HELD' and hold_expires_at > :now))"
                                + " order by starts_at",
                        Object[].class)
                .setParameter("start", range.start())
                .setParameter("end", range.end())
                .setParameter("now", clock.instant())
                .getResultList();
        Map<UUID, List<Availability.Taken>> byResource = new HashMap<>();
        for (Object[] row : rows) {
            byResource
                    .computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new Availability.Taken(
                            new TimeRange(Columns.instant(row[1]), Columns.instant(row[2])),
                            ((Number) row[3]).intValue()));
        }
        return byResource;
    }
}
