package org.tierslieux.core.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.Scheduling;

/** When the resources of one place are open over a range: hours, closures and sessions, read once. */
public final class Schedule {

    private final ZoneId zone;
    private final TimeRange range;
    private final WeeklyHours placeHours;
    private final Map<UUID, List<WeeklyHours.Interval>> ownHours = new HashMap<>();
    private final List<Closure> closures;
    private final List<Session> sessions;

    Schedule(ZoneId zone, TimeRange range, List<OpeningHours> hours, List<Closure> closures, List<Session> sessions) {
        this.zone = zone;
        this.range = range;
        List<WeeklyHours.Interval> place = new ArrayList<>();
        for (OpeningHours h : hours) {
            if (h.resourceId() == null) {
                place.add(h.interval());
            } else {
                ownHours.computeIfAbsent(h.resourceId(), k -> new ArrayList<>()).add(h.interval());
            }
        }
        this.placeHours = place.isEmpty() ? WeeklyHours.DEFAULT : new WeeklyHours(place);
        this.closures = closures;
        this.sessions = sessions;
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hoursOf(ResourceId resource) {
        List<WeeklyHours.Interval> own = ownHours.get(resource.value());
        return own == null ? placeHours : new WeeklyHours(own);
    }

    /**
     * The windows in which the resource may be booked: each opening interval of each local day (in the
     * place's zone, so a daylight-saving change moves the instants, not the hours), or each session.
     */
    public List<Window> windows(Resource resource) {
        return windows(resource.id(), resource.scheduling());
    }

    /** The same, for a resource known by its id and how it is scheduled. */
    public List<Window> windows(ResourceId resource, Scheduling scheduling) {
        List<Window> windows = new ArrayList<>();
        if (scheduling == Scheduling.SESSIONS) {
            for (Session s : sessions) {
                if (s.resource().equals(resource)) {
                    windows.add(new Window(s.period(), true));
                }
            }
            return windows;
        }
        WeeklyHours hours = hoursOf(resource);
        // a day earlier and later: a window of the day before may reach into the range in another zone
        LocalDate day = range.start().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = range.end().atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (WeeklyHours.Interval interval : hours.on(day.getDayOfWeek())) {
                var opens = ZonedDateTime.of(day, interval.opens(), zone).toInstant();
                var closes = ZonedDateTime.of(day, interval.closes(), zone).toInstant();
                if (closes.isAfter(opens) && opens.isBefore(range.end()) && closes.isAfter(range.start())) {
                    windows.add(new Window(new TimeRange(opens, closes), false));
                }
            }
        }
        windows.sort(Comparator.comparing(w -> w.range().start()));
        return windows;
    }

    /** The closures and maintenance blocks that concern the resource (its own and the place's). */
    public List<Closure> closuresOf(ResourceId resource) {
        return closures.stream().filter(c -> c.concerns(resource)).toList();
    }
}
