package org.tierslieux.core.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.booking.WaitlistEntry;
import org.tierslieux.core.booking.WaitlistService;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.people.PersonalTokens;
import org.tierslieux.core.people.Role;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceScope;

/** Gathers what the application keeps about one person, across every place of the network. */
@ApplicationScoped
public class PersonalData {

    /** Every booking ever made lies in here. */
    private static final TimeRange ALL_TIME =
            new TimeRange(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("3000-01-01T00:00:00Z"));

    public record Export(
            OffsetDateTime exportedAt,
            Account account,
            List<PlaceRoles> places,
            List<BookingRecord> bookings,
            List<WaitRecord> waitingLists,
            List<TokenRecord> apiTokens,
            String notice) {}

    public record Account(UUID id, String email, String displayName, String language, boolean networkAdmin) {}

    public record PlaceRoles(String place, String name, Set<Role> roles) {}

    public record BookingRecord(
            UUID id,
            String place,
            UUID resourceId,
            String resource,
            OffsetDateTime start,
            OffsetDateTime end,
            int seats,
            String status,
            String note,
            String cancelCause,
            String cancelReason,
            OffsetDateTime cancelledAt,
            OffsetDateTime createdAt) {}

    public record WaitRecord(
            String place, String resource, OffsetDateTime start, OffsetDateTime end, int seats, String status) {}

    public record TokenRecord(String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    static final String NOTICE = "Invoices and credit notes issued to you are legal records kept ten years; they are"
            + " listed by each place's billing. Passwords and token secrets are stored only as hashes and are not"
            + " part of this export.";

    private final Clock clock;
    private final PersonDirectory people;
    private final PersonalTokens tokens;
    private final PlaceDirectory places;
    private final PlaceScope scope;
    private final BookingService bookings;
    private final WaitlistService waitlists;
    private final ResourceService resources;

    PersonalData(
            Clock clock,
            PersonDirectory people,
            PersonalTokens tokens,
            PlaceDirectory places,
            PlaceScope scope,
            BookingService bookings,
            WaitlistService waitlists,
            ResourceService resources) {
        this.clock = clock;
        this.people = people;
        this.tokens = tokens;
        this.places = places;
        this.scope = scope;
        this.bookings = bookings;
        this.waitlists = waitlists;
        this.resources = resources;
    }

    /** The person's data; call it outside any place (it visits each place in a scope of its own). */
    public Export of(PersonId person) {
        var account = people.byId(person).orElseThrow();
        String language = people.contact(person)
                .map(contact -> contact.locale().getLanguage())
                .orElse(null);
        List<PlaceRoles> roles = people.placesOf(person).stream()
                .map(p -> new PlaceRoles(p.slug(), p.name(), p.roles()))
                .toList();
        List<BookingRecord> booked = new ArrayList<>();
        List<WaitRecord> waiting = new ArrayList<>();
        // a person may book where they hold no role (resources open to everyone): every place is looked at
        for (PlaceRef place : places.all()) {
            scope.run(place, () -> {
                Map<ResourceId, String> names = new HashMap<>();
                for (Booking b : bookings.ofPerson(person, ALL_TIME)) {
                    booked.add(new BookingRecord(
                            b.id().value(),
                            place.slug(),
                            b.resourceId().value(),
                            names.computeIfAbsent(
                                    b.resourceId(), id -> resources.find(id).name()),
                            at(b.start(), place.zone()),
                            at(b.end(), place.zone()),
                            b.seats(),
                            b.status().name(),
                            b.note(),
                            b.cancelCause() == null ? null : b.cancelCause().name(),
                            b.cancelReason(),
                            at(b.cancelledAt(), place.zone()),
                            at(b.createdAt(), place.zone())));
                }
                for (WaitlistEntry w : waitlists.mine(person)) {
                    waiting.add(new WaitRecord(
                            place.slug(),
                            names.computeIfAbsent(
                                    w.resourceId(), id -> resources.find(id).name()),
                            at(w.period().start(), place.zone()),
                            at(w.period().end(), place.zone()),
                            w.seats(),
                            w.status().name()));
                }
            });
        }
        List<TokenRecord> tokenRecords = tokens.of(person).stream()
                .map(t -> new TokenRecord(t.name(), t.shownPrefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt()))
                .toList();
        return new Export(
                clock.instant().atOffset(java.time.ZoneOffset.UTC),
                new Account(person.value(), account.email(), account.displayName(), language, account.networkAdmin()),
                roles,
                booked,
                waiting,
                tokenRecords,
                NOTICE);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
