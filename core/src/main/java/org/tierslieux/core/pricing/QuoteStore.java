package org.tierslieux.core.pricing;

import java.util.Optional;
import java.util.UUID;

/**
 * Persisted quotes, with their lines, as shown: billing charges exactly what a quote says, never a price
 * recomputed later. Saving needs the subject's id ({@link Quote#about(UUID)}). Acts in the current place.
 */
public interface QuoteStore {

    /** Stores the quote and its lines; returns the quote's id. */
    UUID save(Quote quote);

    Optional<Quote> find(UUID quoteId);

    /** The latest quote saved for a subject (a booking, a subscription, a pack purchase). */
    Optional<Quote> latestFor(QuoteSubject subject);
}
