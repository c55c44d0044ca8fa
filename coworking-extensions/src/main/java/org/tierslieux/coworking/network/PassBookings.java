package org.tierslieux.coworking.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.booking.Booker;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.schedule.ScheduleService;
import org.tierslieux.core.schedule.Window;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * A desk-day booked from the member's pass page, at another place: in the host place (its own request
 * context and session), through core's booking service like any booking, so every rule of the host applies
 * and the pass ({@link PassAccess}) decides whether a non-member gets in.
 */
@ApplicationScoped
public class PassBookings {

    /** Which part of the day: the whole opening, the first four hours, or the rest. */
    public enum Part {
        DAY,
        MORNING,
        AFTERNOON
    }

    /** A desk pool or desk of a place taking part, as the member's page offers it. */
    @io.quarkus.qute.TemplateData
    public record Desk(UUID id, String name, String kind) {}

    @io.quarkus.qute.TemplateData
    public record HostPlace(String slug, String name, List<Desk> desks) {}

    public record Booked(Booking booking, PlaceRef host, String resource) {}

    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final NetworkSettings settings;
    private final ResourceService resources;
    private final ScheduleService schedules;
    private final BookingService bookings;
    private final Members members;
    private final Clock clock;

    PassBookings(
            PlaceDirectory places,
            PlaceScope scope,
            NetworkSettings settings,
            ResourceService resources,
            ScheduleService schedules,
            BookingService bookings,
            Members members,
            Clock clock) {
        this.places = places;
        this.scope = scope;
        this.settings = settings;
        this.resources = resources;
        this.schedules = schedules;
        this.bookings = bookings;
        this.members = members;
        this.clock = clock;
    }

    /** The places taking part other than {@code except}, with their desks, by name. */
    public List<HostPlace> hosts(PlaceId except) {
        Set<PlaceId> participating = settings.participating();
        List<HostPlace> hosts = new ArrayList<>();
        for (PlaceRef place : places.all()) {
            if (!participating.contains(place.id()) || place.id().equals(except)) {
                continue;
            }
            hosts.add(new HostPlace(place.slug(), place.name(), scope.call(place, this::desks)));
        }
        hosts.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return hosts;
    }

    private List<Desk> desks() {
        return resources.list(false, 0, 200).items().stream()
                .filter(r -> NetworkPass.KINDS.contains(r.kind()))
                // desk pools first: the open space is what a visitor books most
                .sorted(java.util.Comparator.comparing((Resource r) -> !r.kind().equals("DESK_POOL")))
                .map(r -> new Desk(r.id().value(), r.name(), r.kind()))
                .toList();
    }

    /**
     * Books the day (or half) at the host: on the resource given, or the host's first desk pool. 404 for an
     * unknown place, 409 network.member-here for a member of the host (they book as members do).
     */
    public Booked book(PersonId person, String placeSlug, LocalDate day, Part part, UUID resourceId) {
        if (day == null) {
            throw DomainException.invalid("network.day-required", Map.of());
        }
        PlaceRef host = places.bySlug(placeSlug == null ? "" : placeSlug.strip())
                .orElseThrow(
                        () -> DomainException.notFound("place.not-found", Map.of("place", String.valueOf(placeSlug))));
        return scope.call(host, () -> bookHere(person, host, day, part == null ? Part.DAY : part, resourceId));
    }

    @Transactional
    Booked bookHere(PersonId person, PlaceRef host, LocalDate day, Part part, UUID resourceId) {
        if (members.isMemberHere(person)) {
            throw DomainException.conflict("network.member-here", Map.of("place", host.name()));
        }
        Resource resource = resourceId == null
                ? resources.list(false, 0, 200).items().stream()
                        .filter(r -> r.kind().equals("DESK_POOL"))
                        .findFirst()
                        .orElseThrow(() -> DomainException.notFound("network.no-desk", Map.of("place", host.name())))
                : resources.find(new ResourceId(resourceId));
        if (!NetworkPass.KINDS.contains(resource.kind())) {
            throw DomainException.invalid("network.not-a-desk", Map.of("name", resource.name()));
        }
        TimeRange period = period(resource, day, part, host)
                .orElseThrow(() -> DomainException.invalid("booking.outside-opening-hours", Map.of()));
        Booking booking = bookings.book(
                new Booker(person, false, false), new BookingService.Request(resource.id(), period, 1, null));
        return new Booked(booking, host, resource.name());
    }

    /** The part of the day's first opening window of the resource; empty when it is closed that day. */
    private Optional<TimeRange> period(Resource resource, LocalDate day, Part part, PlaceRef host) {
        List<Window> windows =
                schedules.snapshot(TimeRange.ofDays(day, day, host.zone())).windows(resource);
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Window window = windows.get(0);
        Instant start = window.range().start();
        Instant end = window.range().end();
        Instant noon = start.plus(Duration.ofHours(4));
        return Optional.of(
                switch (part) {
                    case DAY -> new TimeRange(start, end);
                    case MORNING -> new TimeRange(start, noon.isBefore(end) ? noon : end);
                    case AFTERNOON -> {
                        if (!noon.isBefore(end)) {
                            throw DomainException.invalid("booking.outside-opening-hours", Map.of());
                        }
                        yield new TimeRange(noon, end);
                    }
                });
    }
}
