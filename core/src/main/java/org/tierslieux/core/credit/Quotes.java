package org.tierslieux.core.credit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.BillTo;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteBuilder;
import org.tierslieux.core.pricing.QuoteService;
import org.tierslieux.core.pricing.QuoteStore;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Where plans and packs get their quotes: the pricing package's builder (the place's VAT mode, the company
 * billed) and store when they are deployed; otherwise a builder with prices entered VAT included (the default
 * of every place) billing the member, and no stored quote.
 */
@ApplicationScoped
public class Quotes {

    private final Instance<QuoteService> service;
    private final Instance<QuoteStore> store;
    private final PlaceContext placeContext;
    private final PersonDirectory people;

    Quotes(
            Instance<QuoteService> service,
            Instance<QuoteStore> store,
            PlaceContext placeContext,
            PersonDirectory people) {
        this.service = service;
        this.store = store;
        this.placeContext = placeContext;
        this.people = people;
    }

    public QuoteBuilder builder(String subjectType, PersonId person) {
        QuoteSubject subject = QuoteSubject.preview(subjectType);
        if (service.isResolvable()) {
            return service.get().builder(subject, person);
        }
        String name = people.byId(person).map(a -> a.displayName()).orElse(person.toString());
        return new QuoteBuilder(placeContext.require(), true, subject, new BillTo(person, null, name));
    }

    /** Saves the quote about its subject; empty when no store is deployed. */
    public Optional<UUID> save(Quote quote, UUID subjectId) {
        return store.isResolvable() ? Optional.of(store.get().save(quote.about(subjectId))) : Optional.empty();
    }
}
