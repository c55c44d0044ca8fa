package org.tierslieux.core.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.BookingStatus;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.place.Address;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;

/**
 * Builds the calendar a feed link opens. A member's feed enters each of the person's places in turn (each under
 * its own tenant, so row-level security applies as in a request there) and shows their bookings with the
 * resource and the place, never a person's name. A resource's feed shows who booked, for as long as the feed's
 * creator is a manager of the place.
 */
@ApplicationScoped
public class FeedCalendars {

    /** How far back and ahead a feed reaches. */
    static final Duration PAST = Duration.ofDays(90);

    static final Duration FUTURE = Duration.ofDays(365);

    private final CalendarFeeds feeds;
    private final PersonDirectory people;
    private final PlaceDirectory places;
    private final PlaceScope placeScope;
    private final ResourceService resources;
    private final BookingService bookings;
    private final Messages messages;
    private final IcsWriter writer;
    private final Clock clock;

    FeedCalendars(
            CalendarFeeds feeds,
            PersonDirectory people,
            PlaceDirectory places,
            PlaceScope placeScope,
            ResourceService resources,
            BookingService bookings,
            Messages messages,
            IcsWriter writer,
            Clock clock) {
        this.feeds = feeds;
        this.people = people;
        this.places = places;
        this.placeScope = placeScope;
        this.resources = resources;
        this.bookings = bookings;
        this.messages = messages;
        this.writer = writer;
        this.clock = clock;
    }

    /** The iCalendar text of the feed {@code secret} opens; 404 for an unknown or revoked link. */
    public String render(String secret) {
        CalendarFeed feed = feeds.live(secret).orElseThrow(FeedCalendars::notFound);
        Instant now = clock.instant();
        TimeRange window = new TimeRange(now.minus(PAST), now.plus(FUTURE));
        return feed.isMemberFeed() ? memberCalendar(feed.person(), window, now) : resourceCalendar(feed, window, now);
    }

    private String memberCalendar(PersonId person, TimeRange window, Instant now) {
        Locale locale =
                people.contact(person).map(PersonDirectory.Contact::locale).orElse(Messages.DEFAULT);
        List<FeedEvent> events = new ArrayList<>();
        List<ZoneId> zones = new ArrayList<>();
        for (var membership : people.placesOf(person)) {
            Optional<PlaceRef> place = places.bySlug(membership.slug());
            if (place.isEmpty()) {
                continue;
            }
            zones.add(place.get().zone());
            String location = location(place.get());
            events.addAll(placeScope.call(
                    place.get(),
                    () -> bookingsOfPerson(person, window).stream()
                            .map(b -> new FeedEvent(
                                    b.booking().value(),
                                    b.period(),
                                    place.get().zone(),
                                    b.resourceName() + " · " + place.get().name(),
                                    location,
                                    b.tentative()))
                            .toList()));
        }
        String name = messages.get(locale, "calendar.my-bookings") + " · " + messages.get(locale, "app.name");
        return writer.write(name, zones, events, now);
    }

    private String resourceCalendar(CalendarFeed feed, TimeRange window, Instant now) {
        PlaceRef place = places.byId(feed.place()).orElseThrow(FeedCalendars::notFound);
        return placeScope.call(place, () -> {
            // the link is a manager's: it dies with their role, not only when revoked
            if (!people.rolesInCurrentPlace(feed.person(), place.id()).contains(Role.MANAGER)) {
                throw notFound();
            }
            String resourceName = resources.find(feed.resource()).name();
            Map<PersonId, String> names = new HashMap<>();
            String location = location(place);
            List<FeedEvent> events = bookingsOfResource(feed.resource(), window).stream()
                    .map(b -> new FeedEvent(
                            b.booking().value(),
                            b.period(),
                            place.zone(),
                            names.computeIfAbsent(b.person(), this::displayName)
                                    + (b.seats() > 1 ? " ×" + b.seats() : "")
                                    + " · " + resourceName,
                            location,
                            b.tentative()))
                    .toList();
            return writer.write(resourceName + " · " + place.name(), List.of(place.zone()), events, now);
        });
    }

    /** A booking reduced to what a feed needs. */
    private record Shown(
            BookingId booking, PersonId person, TimeRange period, int seats, String resourceName, boolean tentative) {}

    private List<Shown> bookingsOfPerson(PersonId person, TimeRange window) {
        return shown(bookings.ofPerson(person, window));
    }

    private List<Shown> bookingsOfResource(ResourceId resource, TimeRange window) {
        return shown(bookings.ofResource(resource, window));
    }

    /**
     * Bookings that hold or held a slot: a hold shows as tentative; cancelled and expired ones are left out (a
     * calendar drops them at its next refresh); a no-show stays, as the time was booked.
     */
    private List<Shown> shown(List<Booking> found) {
        Map<ResourceId, String> names = new HashMap<>();
        return found.stream()
                .filter(b -> b.status() != BookingStatus.CANCELLED && b.status() != BookingStatus.EXPIRED)
                .map(b -> new Shown(
                        b.id(),
                        b.person(),
                        b.period(),
                        b.seats(),
                        names.computeIfAbsent(
                                b.resourceId(), id -> resources.find(id).name()),
                        b.status() == BookingStatus.HELD))
                .toList();
    }

    private String displayName(PersonId person) {
        return people.byId(person).map(PersonDirectory.Account::displayName).orElse("?");
    }

    private String location(PlaceRef place) {
        Address address = places.addressOf(place.id()).orElse(null);
        if (address == null) {
            return place.name();
        }
        String town = Stream.of(address.postalCode(), address.city())
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return Stream.of(place.name(), address.street(), town)
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    private static DomainException notFound() {
        return DomainException.notFound("calendar.feed-not-found", Map.of());
    }
}
