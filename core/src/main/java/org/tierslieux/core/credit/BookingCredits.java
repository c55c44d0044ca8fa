package org.tierslieux.core.credit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.tierslieux.core.booking.BookingCancelled;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.booking.BookingHeld;
import org.tierslieux.core.booking.BookingId;
import org.tierslieux.core.booking.BookingMoved;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.Usage;
import org.tierslieux.core.pricing.UsageMeter;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Bookings spend and give back credits, in the booking's own transaction (synchronous observers): a booking
 * that fails leaves the ledger untouched, and a ledger that refuses fails the booking.
 *
 * <ul>
 *   <li>Taken (held or confirmed at once): the covered lots of the booking's quote are consumed, once per
 *       booking. A held booking confirmed later (paid, offer accepted) is already settled: nothing more.
 *   <li>Cancelled (by its member within the deadline, by a manager, a hold that ran out, a closure): exactly
 *       what it took is given back. {@code BookingService} only lets a cancellation through within the rules, so
 *       every cancellation refunds.
 *   <li>Moved: given back, then consumed again for the new time, as a new booking would.
 * </ul>
 */
@ApplicationScoped
class BookingCredits {

    private static final Logger LOG = Logger.getLogger(BookingCredits.class);

    private final CreditLedger ledger;
    private final CreditCoverage coverage;
    private final ResourceService resources;
    private final PlaceContext placeContext;
    private final Instance<QuoteService> quotes;
    private final Instance<QuoteStore> quoteStore;
    private final Clock clock;

    BookingCredits(
            CreditLedger ledger,
            CreditCoverageService coverage,
            ResourceService resources,
            PlaceContext placeContext,
            Instance<QuoteService> quotes,
            Instance<QuoteStore> quoteStore,
            Clock clock) {
        this.ledger = ledger;
        this.coverage = coverage;
        this.resources = resources;
        this.placeContext = placeContext;
        this.quotes = quotes;
        this.quoteStore = quoteStore;
        this.clock = clock;
    }

    void held(@Observes BookingHeld e) {
        settle(e.booking(), e.resource(), e.person(), e.period(), e.seats());
    }

    void confirmed(@Observes BookingConfirmed e) {
        settle(e.booking(), e.resource(), e.person(), e.period(), e.seats());
    }

    void cancelled(@Observes BookingCancelled e) {
        ledger.refund(e.person(), e.booking().value(), "cancelled:" + e.cause());
    }

    void moved(@Observes BookingMoved e) {
        ledger.lock(e.person());
        ledger.refund(e.person(), e.booking().value(), "moved");
        consume(e.booking(), e.resource(), e.person(), e.to(), e.seats());
    }

    /** Consumes once per booking: the first event that sees it marks it settled, under the member's lock. */
    private void settle(BookingId booking, ResourceId resourceId, PersonId person, TimeRange period, int seats) {
        ledger.lock(person);
        int marked = Panache.getEntityManager()
                .createNativeQuery("insert into booking_credit (tenant_id, booking_id, settled_at)"
                        + " values (current_place_id(), :b, :at) on conflict do nothing")
                .setParameter("b", booking.value())
                .setParameter("at", clock.instant())
                .executeUpdate();
        if (marked == 0) {
            return;
        }
        consume(booking, resourceId, person, period, seats);
    }

    private void consume(BookingId booking, ResourceId resourceId, PersonId person, TimeRange period, int seats) {
        Resource resource = resources.find(resourceId);
        List<CreditCoverage.Covered> takes;
        if (quotes.isResolvable()) {
            // the quote the member was shown is the one source of truth: consume its covered lines, save it
            Quote quote = quotes.get()
                    .forBooking(person, new BookingService.Request(resourceId, period, seats, null), period.start());
            takes = quote.coveredLines().stream().map(BookingCredits::covered).toList();
            if (quoteStore.isResolvable()) {
                quoteStore.get().save(quote.about(booking.value()));
            }
        } else {
            Usage usage = UsageMeter.of(
                    resource, period, seats, placeContext.require().zone());
            takes = coverage.cover(person, resource, usage, period.start());
        }
        if (!takes.isEmpty()) {
            ledger.consume(person, booking.value(), takes);
            LOG.debugf("Booking %s consumed %s", booking, takes);
        }
    }

    private static CreditCoverage.Covered covered(QuoteLine line) {
        return new CreditCoverage.Covered(
                line.coverage().lotId(),
                line.coverage().source(),
                line.coverage().label(),
                line.unit(),
                line.quantity());
    }

    /** For tests and pages: what a booking took, per lot. */
    Map<java.util.UUID, BigDecimal> takenBy(BookingId booking) {
        return ledger.takenBy(booking.value());
    }
}
