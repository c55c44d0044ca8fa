package org.tierslieux.core.pricing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.PlaceContext;

/** Stores quotes and their lines in the current place, as they were shown. */
@ApplicationScoped
class JpaQuoteStore implements QuoteStore {

    private final Clock clock;
    private final PlaceContext placeContext;

    JpaQuoteStore(Clock clock, PlaceContext placeContext) {
        this.clock = clock;
        this.placeContext = placeContext;
    }

    @Override
    @Transactional
    public UUID save(Quote quote) {
        placeContext.require();
        if (quote.subject().id() == null) {
            throw new IllegalArgumentException("A quote is stored for a subject that exists: " + quote.subject());
        }
        StoredQuote q = new StoredQuote(UUID.randomUUID());
        q.subjectType = quote.subject().type();
        q.subjectId = quote.subject().id();
        q.personId = quote.billTo().person().value();
        q.companyId = quote.billTo().companyId();
        q.billToName = quote.billTo().name();
        q.currency = quote.totalInclVat().currency().getCurrencyCode();
        q.totalExclVat = quote.totalExclVat().amount();
        q.totalVat = quote.totalVat().amount();
        q.totalInclVat = quote.totalInclVat().amount();
        q.charged = quote.charged().amount();
        q.createdAt = clock.instant();
        em().persist(q);
        int position = 0;
        for (QuoteLine line : quote.lines()) {
            StoredQuoteLine l = new StoredQuoteLine(UUID.randomUUID());
            l.quoteId = q.id();
            l.position = position++;
            l.description =
                    line.description().length() > 300 ? line.description().substring(0, 300) : line.description();
            l.quantity = line.quantity();
            l.unit = line.unit().name();
            l.unitPriceExclVat = line.unitPriceExclVat().amount();
            l.vatRate = line.vat().code();
            l.totalExclVat = line.totalExclVat().amount();
            l.totalVat = line.totalVat().amount();
            l.totalInclVat = line.totalInclVat().amount();
            if (line.coverage() != null) {
                l.coverageLotId = line.coverage().lotId();
                l.coverageSource = line.coverage().source();
                l.coverageLabel = line.coverage().label();
            }
            em().persist(l);
        }
        return q.id();
    }

    @Override
    @Transactional
    public Optional<Quote> find(UUID quoteId) {
        placeContext.require();
        return em().createQuery("from StoredQuote q where q.id = :id", StoredQuote.class)
                .setParameter("id", quoteId)
                .getResultStream()
                .findFirst()
                .map(this::load);
    }

    @Override
    @Transactional
    public Optional<Quote> latestFor(QuoteSubject subject) {
        placeContext.require();
        return em().createQuery(
                        "from StoredQuote q where q.subjectType = :t and q.subjectId = :s"
                                + " order by q.createdAt desc, q.id desc",
                        StoredQuote.class)
                .setParameter("t", subject.type())
                .setParameter("s", subject.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(this::load);
    }

    /** The stored quote of this id, 404 when it is not one of this place. */
    @Transactional
    public Quote require(UUID quoteId) {
        return find(quoteId)
                .orElseThrow(() -> DomainException.notFound("quote.not-found", Map.of("id", String.valueOf(quoteId))));
    }

    private Quote load(StoredQuote q) {
        Currency currency = Currency.getInstance(q.currency);
        List<QuoteLine> lines = new ArrayList<>();
        for (StoredQuoteLine l : em().createQuery(
                        "from StoredQuoteLine l where l.quoteId = :q order by l.position", StoredQuoteLine.class)
                .setParameter("q", q.id())
                .getResultList()) {
            lines.add(new QuoteLine(
                    l.description,
                    l.quantity,
                    Unit.valueOf(l.unit),
                    money(l.unitPriceExclVat, currency),
                    VatRate.of(l.vatRate),
                    money(l.totalExclVat, currency),
                    money(l.totalVat, currency),
                    money(l.totalInclVat, currency),
                    l.coverageLotId == null ? null : new Coverage(l.coverageLotId, l.coverageSource, l.coverageLabel)));
        }
        Map<VatRate, Money> byRate = new java.util.LinkedHashMap<>();
        for (QuoteLine line : lines) {
            if (!line.totalExclVat().isZero() || !line.totalVat().isZero()) {
                byRate.merge(line.vat(), line.totalVat(), Money::plus);
            }
        }
        return new Quote(
                new QuoteSubject(q.subjectType, q.subjectId),
                lines,
                byRate,
                money(q.totalExclVat, currency),
                money(q.totalVat, currency),
                money(q.totalInclVat, currency),
                money(q.charged, currency),
                new BillTo(new PersonId(q.personId), q.companyId, q.billToName));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
