package org.tierslieux.coworking.observatory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.WeeklyHours;
import org.tierslieux.core.tenancy.PlaceScope;
import org.tierslieux.coworking.network.NetworkVisits;
import org.tierslieux.coworking.observatory.Figures.KindOccupancy;
import org.tierslieux.coworking.observatory.Figures.NetworkFigures;
import org.tierslieux.coworking.observatory.Figures.Period;
import org.tierslieux.coworking.observatory.Figures.PlaceFigures;
import org.tierslieux.coworking.observatory.ObservatoryPeriod.Bucket;

/**
 * Computes the observatory's figures. A place is read inside its own {@link PlaceScope} (never with tenancy
 * switched off); the network's totals are the sum of the places. Definitions, as the docs give them:
 *
 * <ul>
 *   <li>occupancy of a kind: confirmed booked seat-hours over open seat-hours (the resources' opening hours times
 *       their capacity, or one for a resource booked whole; closures are not deducted);
 *   <li>bookings: confirmed bookings starting in the period; active members: distinct people with a confirmed
 *       booking in the period; machine hours: hours of confirmed bookings of machines;
 *   <li>new members: people whose MEMBER role at the place was granted in the period;
 *   <li>network visits: what the network pass ({@link NetworkVisits}) recorded, when that module is there.
 * </ul>
 */
@ApplicationScoped
public class ObservatoryService {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final PlaceScope scope;
    private final PlaceDirectory directory;
    private final ObservatoryQueries queries;
    private final ScheduleService schedules;
    private final Instance<NetworkVisits> networkVisits;
    private final Clock clock;

    ObservatoryService(
            PlaceScope scope,
            PlaceDirectory directory,
            ObservatoryQueries queries,
            ScheduleService schedules,
            Instance<NetworkVisits> networkVisits,
            Clock clock) {
        this.scope = scope;
        this.directory = directory;
        this.queries = queries;
        this.schedules = schedules;
        this.networkVisits = networkVisits;
        this.clock = clock;
    }

    /** Today in a place's zone: the default end of a period. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    public PlaceFigures forPlace(PlaceRef place, ObservatoryPeriod period) {
        List<NetworkVisits.DayCount> visits = visits(period);
        return scope.call(place, () -> compute(place, period, visits));
    }

    public NetworkFigures forNetwork(ObservatoryPeriod period) {
        List<NetworkVisits.DayCount> visits = visits(period);
        List<PlaceFigures> places = new ArrayList<>();
        for (PlaceRef place : directory.all()) {
            places.add(scope.call(place, () -> compute(place, period, visits)));
        }
        Set<String> kinds = new TreeSet<>();
        places.forEach(p -> kinds.addAll(p.kinds()));
        List<Period> totals = new ArrayList<>();
        List<Bucket> buckets = period.buckets();
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            Map<String, KindOccupancy> occupancy = new TreeMap<>();
            int bookings = 0;
            int active = 0;
            int newMembers = 0;
            int visitors = 0;
            BigDecimal machine = BigDecimal.ZERO;
            BigDecimal hosted = BigDecimal.ZERO;
            BigDecimal away = BigDecimal.ZERO;
            for (PlaceFigures place : places) {
                Period p = place.periods().get(i);
                p.occupancy().forEach(o -> occupancy.merge(o.kind(), o, KindOccupancy::plus));
                bookings += p.bookings();
                active += p.activeMembers();
                newMembers += p.newMembers();
                visitors += p.networkVisitors();
                machine = machine.add(p.machineHours());
                hosted = hosted.add(p.networkDaysHosted());
                away = away.add(p.networkDaysAway());
            }
            totals.add(new Period(
                    bucket.label(),
                    bucket.start(),
                    bucket.end(),
                    List.copyOf(occupancy.values()),
                    bookings,
                    active,
                    machine,
                    newMembers,
                    visitors,
                    hosted,
                    away));
        }
        return new NetworkFigures(
                period.from(),
                period.to(),
                period.granularity(),
                List.copyOf(kinds),
                places,
                totals,
                networkVisits.isResolvable());
    }

    private List<NetworkVisits.DayCount> visits(ObservatoryPeriod period) {
        if (!networkVisits.isResolvable()) {
            return List.of();
        }
        return networkVisits.get().between(period.from(), period.to());
    }

    private PlaceFigures compute(PlaceRef place, ObservatoryPeriod period, List<NetworkVisits.DayCount> visits) {
        ZoneId zone = place.zone();
        Instant from = period.from().atStartOfDay(zone).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<ObservatoryQueries.ResourceRow> resources = queries.resources(from, to);
        List<ObservatoryQueries.BookingRow> bookings = queries.confirmedBookings(from, to);
        List<Instant> membersSince = queries.membersSince();
        Map<UUID, WeeklyHours> hours = new HashMap<>();
        for (var r : resources) {
            hours.put(r.id(), schedules.hoursOf(new ResourceId(r.id())));
        }
        Set<String> kinds = new TreeSet<>();
        resources.forEach(r -> kinds.add(r.kind()));
        bookings.forEach(b -> kinds.add(b.kind()));

        List<Period> periods = new ArrayList<>();
        for (Bucket bucket : period.buckets()) {
            Instant start = bucket.start().atStartOfDay(zone).toInstant();
            Instant end = bucket.end().plusDays(1).atStartOfDay(zone).toInstant();
            Map<String, BigDecimal> open = new TreeMap<>();
            Map<String, BigDecimal> booked = new TreeMap<>();
            kinds.forEach(k -> {
                open.put(k, BigDecimal.ZERO);
                booked.put(k, BigDecimal.ZERO);
            });
            for (var r : resources) {
                BigDecimal minutes = BigDecimal.ZERO;
                for (LocalDate day = bucket.start(); !day.isAfter(bucket.end()); day = day.plusDays(1)) {
                    Instant dayStart = day.atStartOfDay(zone).toInstant();
                    Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
                    if (!r.createdAt().isBefore(dayEnd)
                            || (r.archivedAt() != null && !r.archivedAt().isAfter(dayStart))) {
                        continue;
                    }
                    for (WeeklyHours.Interval i : hours.get(r.id()).on(day.getDayOfWeek())) {
                        minutes = minutes.add(BigDecimal.valueOf(Duration.between(
                                        day.atTime(i.opens()).atZone(zone),
                                        day.atTime(i.closes()).atZone(zone))
                                .toMinutes()));
                    }
                }
                open.merge(r.kind(), minutes.multiply(BigDecimal.valueOf(r.units())), BigDecimal::add);
            }
            int count = 0;
            Set<UUID> active = new HashSet<>();
            BigDecimal machineMinutes = BigDecimal.ZERO;
            for (var b : bookings) {
                Instant s = b.start().isAfter(start) ? b.start() : start;
                Instant e = b.end().isBefore(end) ? b.end() : end;
                if (!s.isBefore(e)) {
                    continue;
                }
                BigDecimal minutes = BigDecimal.valueOf(Duration.between(s, e).toMinutes());
                booked.merge(b.kind(), minutes.multiply(BigDecimal.valueOf(b.units())), BigDecimal::add);
                active.add(b.person());
                if (!b.start().isBefore(start) && b.start().isBefore(end)) {
                    count++;
                }
                if ("MACHINE".equals(b.kind())) {
                    machineMinutes = machineMinutes.add(minutes);
                }
            }
            int newMembers = (int) membersSince.stream()
                    .filter(t -> !t.isBefore(start) && t.isBefore(end))
                    .count();
            int visitors = 0;
            BigDecimal hosted = BigDecimal.ZERO;
            BigDecimal away = BigDecimal.ZERO;
            for (var v : visits) {
                if (v.day().isBefore(bucket.start()) || v.day().isAfter(bucket.end())) {
                    continue;
                }
                if (v.host().equals(place.id())) {
                    visitors += v.visitors();
                    hosted = hosted.add(v.days());
                }
                if (v.home().equals(place.id())) {
                    away = away.add(v.days());
                }
            }
            List<KindOccupancy> occupancy = kinds.stream()
                    .map(k -> KindOccupancy.of(k, inHours(open.get(k)), inHours(booked.get(k))))
                    .toList();
            periods.add(new Period(
                    bucket.label(),
                    bucket.start(),
                    bucket.end(),
                    occupancy,
                    count,
                    active.size(),
                    Figures.hours(inHours(machineMinutes)),
                    newMembers,
                    visitors,
                    hosted,
                    away));
        }
        return new PlaceFigures(
                place.slug(),
                place.name(),
                period.from(),
                period.to(),
                period.granularity(),
                List.copyOf(kinds),
                periods,
                networkVisits.isResolvable());
    }

    private static BigDecimal inHours(BigDecimal minutes) {
        return minutes.divide(MINUTES_PER_HOUR, 4, RoundingMode.HALF_UP);
    }
}
