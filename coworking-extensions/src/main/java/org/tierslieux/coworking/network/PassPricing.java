package org.tierslieux.coworking.network;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.pricing.QuoteLine;
import org.tierslieux.core.pricing.QuoteLineContributor;
import org.tierslieux.core.pricing.QuoteService;

/**
 * A network visitor pays nothing at the host: their home place pays the host through the monthly settlement.
 * For a visit the pass admits, every charged line of the host's price list is cancelled by a line "Pass
 * réseau" of the opposite amount (same VAT rate), so the quote, the order and any invoice come to zero.
 */
@ApplicationScoped
class PassPricing implements QuoteLineContributor {

    /** Set while the host's own quote is computed, so that this contributor does not ask itself again. */
    private static final ThreadLocal<Boolean> QUOTING = new ThreadLocal<>();

    private final NetworkPass pass;
    private final Members members;

    PassPricing(NetworkPass pass, Members members) {
        this.pass = pass;
        this.members = members;
    }

    @Override
    public List<QuoteLine> linesFor(BookingAttempt attempt) {
        if (Boolean.TRUE.equals(QUOTING.get())
                || !NetworkPass.KINDS.contains(attempt.resource().kind())
                || members.isMemberHere(attempt.person())
                || pass.quietly(attempt.person(), attempt.place(), attempt.resource(), attempt.period())
                        .isEmpty()) {
            return List.of();
        }
        QUOTING.set(true);
        try {
            var quote = Arc.container()
                    .instance(QuoteService.class)
                    .get()
                    .forBooking(
                            attempt.person(),
                            new BookingService.Request(
                                    attempt.resource().id(), attempt.period(), attempt.seats(), null),
                            attempt.period().start());
            List<QuoteLine> lines = new ArrayList<>();
            for (QuoteLine line : quote.lines()) {
                if (line.covered() || line.totalInclVat().isZero()) {
                    continue;
                }
                lines.add(new QuoteLine(
                        "Pass réseau / network pass – " + line.description(),
                        line.quantity(),
                        line.unit(),
                        line.unitPriceExclVat().negate(),
                        line.vat(),
                        line.totalExclVat().negate(),
                        line.totalVat().negate(),
                        line.totalInclVat().negate(),
                        null));
            }
            return lines;
        } finally {
            QUOTING.remove();
        }
    }
}
