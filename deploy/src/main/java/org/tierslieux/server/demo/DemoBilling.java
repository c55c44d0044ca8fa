package org.tierslieux.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tierslieux.billing.checkout.OrderService;
import org.tierslieux.billing.checkout.OrderStatus;
import org.tierslieux.billing.checkout.PaymentSettings;
import org.tierslieux.billing.checkout.SaleOrder;
import org.tierslieux.billing.closing.ClosingService;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.pricing.QuoteSubject;

/**
 * The demo's money, through checkout as the desk and the treasurer go through it: bookings paid at the desk
 * shortly after they were made, the demo member's subscription invoiced by transfer at its start and the transfer
 * received a few days later, a carnet bought at the desk early last month, and last month closed by the treasurer.
 * A paid booking that is cancelled is refunded by checkout itself, with its credit note. Each method is one step of
 * {@link DemoCalendar}'s replay, so that every document is dated in the order of the place's history (the ledger
 * refuses a document dated before the last one). Nothing is written around the services.
 */
@ApplicationScoped
class DemoBilling {

    private static final Logger LOG = Logger.getLogger(DemoBilling.class);

    @Inject
    Clock clock;

    @Inject
    OrderService orders;

    @Inject
    PaymentSettings settings;

    @Inject
    ClosingService closings;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    PackService packs;

    /** Whether la-filature asks for payment first once seeded (off in tests: their bookings are confirmed). */
    @ConfigProperty(name = "tl.demo.payment-first", defaultValue = "true")
    boolean paymentFirst;

    /** The desk records the payment of a booking's order, when it is still to be paid and costs something. */
    void payBookingAtDesk(UUID booking, String method, PersonId desk) {
        pending(QuoteSubject.BOOKING, booking)
                .ifPresent(order -> orders.recordManual(order.id(), method, reference(method), desk));
    }

    /** The person's live subscription of the current place is invoiced now, to be paid by transfer. */
    void invoiceSubscriptionByTransfer(PersonId person) {
        subscriptionOrder(person)
                .filter(order -> order.invoiceId() == null)
                .ifPresent(order -> orders.invoiceForTransfer(order.id()));
    }

    /** The transfer paying the person's subscription invoice arrived: the treasurer records it. */
    void subscriptionTransferReceived(PersonId person, PersonId treasurer) {
        subscriptionOrder(person)
                .ifPresent(order -> orders.recordManual(
                        order.id(),
                        "TRANSFER",
                        "VIR SEPA " + person.value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                        treasurer));
    }

    /** The person buys the pack named {@code name} at the desk and pays it there at once. */
    void packBoughtAtDesk(PersonId person, String name, String method, PersonId desk) {
        packs.list(false).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .ifPresent(pack -> {
                    var bought = packs.buy(person, pack.id());
                    pending(QuoteSubject.PACK, bought.purchase().id())
                            .ifPresent(order -> orders.recordManual(order.id(), method, reference(method), desk));
                });
    }

    /** The treasurer closes last month, unless a closing covers it already. */
    void closeLastMonth(PlaceRef place, PersonId treasurer) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), place.zone());
        YearMonth last = YearMonth.from(today).minusMonths(1);
        boolean closed = closings.all().stream()
                .anyMatch(c -> !c.periodEnd().isBefore(last.atDay(1))
                        && !c.periodStart().isAfter(last.atEndOfMonth()));
        if (!closed) {
            var closing = closings.close("MONTH", last.toString(), treasurer);
            LOG.infof("Demo billing at %s: %s closed (%d documents)", place.slug(), last, closing.documents());
        }
    }

    /** Payment first from now on in the current place (la-filature): members pay online before it is theirs. */
    void askForPaymentFirst() {
        if (!paymentFirst) {
            return;
        }
        var current = settings.current();
        if (!current.paymentRequired()) {
            settings.save(new PaymentSettings.Settings(current.holdMinutes(), current.payAtDesk(), true));
        }
    }

    private Optional<SaleOrder> pending(String subjectType, UUID subject) {
        return orders.latestFor(subjectType, subject).filter(o -> o.status() == OrderStatus.PENDING && !o.free());
    }

    /** The pending order of the person's subscription in the current place, if any. */
    private Optional<SaleOrder> subscriptionOrder(PersonId person) {
        return subscriptions.of(person).stream()
                .map(s -> pending(QuoteSubject.SUBSCRIPTION, s.id()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String reference(String method) {
        return switch (method) {
            case "CARD_TERMINAL" -> "TPE accueil";
            case "CHEQUE" -> "Chèque n° 0012" + (System.nanoTime() % 90 + 10);
            case "CASH" -> "Caisse accueil";
            default -> null;
        };
    }
}
