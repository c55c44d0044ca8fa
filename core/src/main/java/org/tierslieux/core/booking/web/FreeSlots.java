package org.tierslieux.core.booking.web;

import io.quarkus.qute.TemplateData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.tierslieux.core.booking.Availability;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.schedule.Session;

/**
 * The free time of a week cut into what a member books with one tap: the slots of each resource's grid (or its
 * sessions), grouped by local day, then by resource.
 */
final class FreeSlots {

    /** One bookable slot with the seats left in it (1 for a resource booked whole). */
    @TemplateData
    public record Slot(Instant start, Instant end, int free) {}

    @TemplateData
    public record ResourceSlots(Resource resource, List<Slot> slots) {}

    @TemplateData
    public record Day(LocalDate date, List<ResourceSlots> resources) {
        public boolean isEmpty() {
            return resources.isEmpty();
        }
    }

    private FreeSlots() {}

    /** Every day of the week, with the resources free that day (in the order given) and their slots. */
    static List<Day> byDay(
            Week week,
            List<AvailabilityService.OfResource> availability,
            Map<UUID, List<Session>> sessions,
            ZoneId zone) {
        Map<LocalDate, List<ResourceSlots>> days = new LinkedHashMap<>();
        week.days().forEach(d -> days.put(d, new ArrayList<>()));
        for (AvailabilityService.OfResource of : availability) {
            Map<LocalDate, List<Slot>> perDay = new LinkedHashMap<>();
            for (Slot slot : slots(
                    of.resource(),
                    of.free(),
                    sessions.getOrDefault(of.resource().id().value(), List.of()))) {
                perDay.computeIfAbsent(slot.start().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                        .add(slot);
            }
            perDay.forEach((day, slots) -> {
                List<ResourceSlots> list = days.get(day);
                if (list != null) {
                    list.add(new ResourceSlots(of.resource(), slots));
                }
            });
        }
        List<Day> result = new ArrayList<>();
        days.forEach((day, resources) -> result.add(new Day(day, resources)));
        return result;
    }

    /**
     * The slots of one resource: free intervals are runs of whole grid slots (the last of a window may be
     * short), so cutting them from their start keeps to the grid; a resource booked by session offers its
     * sessions that are free.
     */
    static List<Slot> slots(Resource resource, List<Availability.Free> free, List<Session> sessions) {
        List<Slot> slots = new ArrayList<>();
        if (resource.scheduling() == Scheduling.SESSIONS) {
            for (Session session : sessions) {
                free.stream()
                        .filter(f -> !session.period().start().isBefore(f.start())
                                && !session.period().end().isAfter(f.end()))
                        .findFirst()
                        .ifPresent(f -> slots.add(new Slot(
                                session.period().start(), session.period().end(), f.free())));
            }
            return slots;
        }
        Duration step = Duration.ofMinutes(resource.slotMinutes());
        for (Availability.Free f : free) {
            for (Instant at = f.start(); at.isBefore(f.end()); at = at.plus(step)) {
                Instant end = at.plus(step).isAfter(f.end()) ? f.end() : at.plus(step);
                slots.add(new Slot(at, end, f.free()));
            }
        }
        return slots;
    }

    /** The local times slots start at, for the start select of a longer booking. */
    static List<LocalTime> starts(List<Slot> slots, ZoneId zone) {
        TreeSet<LocalTime> times = new TreeSet<>();
        slots.forEach(s -> times.add(s.start().atZone(zone).toLocalTime()));
        return List.copyOf(times);
    }

    /** The local times slots end at, for the end select of a longer booking. */
    static List<LocalTime> ends(List<Slot> slots, ZoneId zone) {
        TreeSet<LocalTime> times = new TreeSet<>();
        slots.forEach(s -> times.add(s.end().atZone(zone).toLocalTime()));
        return List.copyOf(times);
    }
}
