package org.tierslieux.coworking.room;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.place.PlaceService;
import org.tierslieux.core.pricing.Price;
import org.tierslieux.core.pricing.PriceList;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.pricing.QuoteLineContributor;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;

/**
 * The non-member rate of a meeting room: someone with no role at the place pays the room's supplement per hour
 * on top of the price list's rate, as a line of the quote they see before confirming (and are invoiced). Its VAT
 * is the place's: none for a place that charges no VAT (its exemption mention then covers the line, as its other
 * lines), else the rate of the room's own hourly price (the price list's line it adds to), 20 % without one.
 */
@ApplicationScoped
class NonMemberRate implements QuoteLineContributor {

    private final Rooms rooms;
    private final PersonDirectory people;
    private final QuoteService quotes;
    private final PlaceService places;
    private final PriceList prices;

    NonMemberRate(Rooms rooms, PersonDirectory people, QuoteService quotes, PlaceService places, PriceList prices) {
        this.rooms = rooms;
        this.people = people;
        this.quotes = quotes;
        this.places = places;
        this.prices = prices;
    }

    @Override
    public List<QuoteLine> linesFor(BookingAttempt attempt) {
        if (!Rooms.KIND.equals(attempt.resource().kind())) {
            return List.of();
        }
        BigDecimal supplement = rooms.supplementOf(attempt.resource().id());
        if (supplement == null || supplement.signum() == 0) {
            return List.of();
        }
        if (!people.rolesInCurrentPlace(attempt.person(), attempt.place().id()).isEmpty()) {
            return List.of();
        }
        BigDecimal hours = BigDecimal.valueOf(attempt.period().duration().toMinutes())
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        return quotes.builder(QuoteSubject.preview(QuoteSubject.BOOKING), attempt.person())
                .line(
                        "Tarif non-membre · " + attempt.resource().name(),
                        hours,
                        Unit.HOUR,
                        new Money(supplement, attempt.place().currency()),
                        vatOf(attempt))
                .lines();
    }

    private VatRate vatOf(BookingAttempt attempt) {
        if (places.get(attempt.place().slug()).legal().vatExemptionMention() != null) {
            return VatRate.EXEMPT;
        }
        LocalDate day = attempt.period().start().atZone(attempt.place().zone()).toLocalDate();
        return prices.prices(day).stream()
                .filter(p -> p.unit() == Unit.HOUR
                        && p.group() == null
                        && p.planId() == null
                        && p.scope().covers(attempt.resource()))
                .sorted(Comparator.comparing((Price p) -> !p.scope().isResource()))
                .map(Price::vat)
                .findFirst()
                .orElse(VatRate.STANDARD);
    }
}
