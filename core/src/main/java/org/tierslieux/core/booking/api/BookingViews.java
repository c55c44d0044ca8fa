package org.tierslieux.core.booking.api;

import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.booking.AvailabilityService;
import org.tierslieux.core.booking.Booking;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.i18n.Messages;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/** Turns bookings into responses: resource names and people's names read once per request. */
@RequestScoped
class BookingViews {

    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final PeopleService people;
    private final Messages messages;
    private final org.tierslieux.core.i18n.RequestLocale locale;
    private Map<UUID, String> names;

    BookingViews(
            PlaceContext placeContext,
            ResourceService resources,
            PeopleService people,
            Messages messages,
            org.tierslieux.core.i18n.RequestLocale locale) {
        this.locale = locale;
        this.placeContext = placeContext;
        this.resources = resources;
        this.people = people;
        this.messages = messages;
    }

    BookingResponse of(Booking b) {
        if (names == null || !names.containsKey(b.resourceId().value())) {
            names = resources.names();
        }
        return BookingResponse.of(
                b, names.get(b.resourceId().value()), placeContext.require().zone());
    }

    List<BookingsResource.PlaceBookingResponse> withPeople(List<Booking> bookings) {
        Map<UUID, String> who = people.displayNames(
                bookings.stream().map(b -> b.person().value()).distinct().toList());
        return bookings.stream()
                .map(b -> new BookingsResource.PlaceBookingResponse(
                        of(b), b.person().value(), who.get(b.person().value())))
                .toList();
    }

    String message(DomainException refusal) {
        return messages.get(locale.get(), refusal.code(), refusal.arguments());
    }

    TimeRange days(LocalDate from, LocalDate to) {
        LocalDate last = Times.lastDay(from, to);
        if (last.isBefore(from)) {
            throw DomainException.invalid("availability.to-before-from", Map.of());
        }
        if (ChronoUnit.DAYS.between(from, last) >= AvailabilityService.MAX_DAYS) {
            throw DomainException.invalid("availability.range-too-long", Map.of("days", AvailabilityService.MAX_DAYS));
        }
        if (from.getYear() < 2000 || last.getYear() > 2200) {
            throw DomainException.invalid("availability.absurd-date", Map.of());
        }
        return TimeRange.ofDays(from, last, placeContext.require().zone());
    }
}
