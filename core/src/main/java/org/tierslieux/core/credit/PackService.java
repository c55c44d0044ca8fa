package org.tierslieux.core.credit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/** Packs and day passes of the current place: what managers offer, what members buy. */
@ApplicationScoped
public class PackService {

    /** A purchase and the quote it was made on. */
    public record Bought(PackPurchase purchase, Quote quote) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final CreditLedger ledger;
    private final Quotes quotes;
    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final Instance<PurchasePolicy> policies;

    PackService(
            Clock clock,
            PlaceContext placeContext,
            CreditLedger ledger,
            Quotes quotes,
            ResourceService resources,
            ResourceKinds kinds,
            @Any Instance<PurchasePolicy> policies) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.ledger = ledger;
        this.quotes = quotes;
        this.resources = resources;
        this.kinds = kinds;
        this.policies = policies;
    }

    @Transactional
    public Pack create(PackTerms terms) {
        PlaceRef place = placeContext.require();
        checkScope(terms.scope());
        if (exists(terms.name())) {
            throw DomainException.conflict("pack.name-taken", Map.of("name", terms.name()));
        }
        if (!terms.price().currency().equals(place.currency())) {
            throw DomainException.invalid("price.currency-mismatch", Map.of("currency", place.currency()));
        }
        Pack pack = new Pack(terms, place.currency(), clock.instant());
        em().persist(pack);
        return pack;
    }

    /** A scope names a kind the application knows, or a resource of this place (404 for another place's). */
    public void checkScope(Scope scope) {
        if (scope.isResource()) {
            resources.find(scope.resource());
        } else {
            kinds.byCode(scope.kind());
        }
    }

    @Transactional
    public Pack archive(UUID id) {
        Pack pack = find(id);
        pack.archive();
        return pack;
    }

    @Transactional
    public Pack find(UUID id) {
        placeContext.require();
        return em().createQuery("from Pack p where p.id = :id", Pack.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("pack.not-found", Map.of("id", id)));
    }

    @Transactional
    public List<Pack> list(boolean includeArchived) {
        placeContext.require();
        return em().createQuery(
                        "from Pack p" + (includeArchived ? "" : " where p.status = 'ACTIVE'")
                                + " order by p.dayPass desc, lower(p.name), p.id",
                        Pack.class)
                .getResultList();
    }

    /** What buying the pack would cost the member now (nothing is written). */
    @Transactional
    public Quote quote(PersonId person, UUID packId) {
        Pack pack = find(packId);
        if (!pack.active()) {
            throw DomainException.conflict("pack.archived", Map.of("name", pack.name()));
        }
        return quote(person, pack);
    }

    private Quote quote(PersonId person, Pack pack) {
        return quotes.builder(QuoteSubject.PACK, person)
                .line(
                        pack.name(),
                        java.math.BigDecimal.ONE,
                        org.tierslieux.core.pricing.Unit.USE,
                        pack.price(),
                        pack.vat())
                .build();
    }

    /**
     * The member buys the pack: its quote is saved for billing, and its credits are granted at once (valid from
     * now until the pack's validity runs out), unless a {@link PurchasePolicy} wants it paid first.
     */
    @Transactional
    public Bought buy(PersonId person, UUID packId) {
        PlaceRef place = placeContext.require();
        Pack pack = find(packId);
        if (!pack.active()) {
            throw DomainException.conflict("pack.archived", Map.of("name", pack.name()));
        }
        Instant now = clock.instant();
        Quote quote = quote(person, pack);
        PackPurchase purchase =
                new PackPurchase(pack, person, quote.charged(), now, pack.expiryFrom(now, place.zone()));
        em().persist(purchase);
        quotes.save(quote, purchase.id()).ifPresent(purchase::quoted);
        var asked = new PurchasePolicy.Purchase(
                place, person, QuoteSubject.PACK, purchase.id(), quote.about(purchase.id()));
        boolean payFirst = false;
        for (PurchasePolicy policy : policies) {
            payFirst |= policy.payFirst(asked);
        }
        if (!payFirst) {
            grant(pack, purchase);
        }
        return new Bought(purchase, quote.about(purchase.id()));
    }

    /** For billing: a pending purchase was paid; its credits are granted now. */
    @Transactional
    public PackPurchase confirmPaid(UUID purchaseId) {
        PackPurchase purchase = purchase(purchaseId);
        grant(find(purchase.packId()), purchase);
        return purchase;
    }

    private void grant(Pack pack, PackPurchase purchase) {
        UUID lot = ledger.grant(
                purchase.person(),
                CreditSource.PACK,
                purchase.id(),
                pack.name(),
                pack.scope(),
                pack.unit(),
                pack.quantity(),
                purchase.purchasedAt(),
                purchase.expiresAt(),
                null);
        purchase.confirm(lot);
    }

    @Transactional
    public PackPurchase purchase(UUID id) {
        placeContext.require();
        return em().createQuery("from PackPurchase p where p.id = :id", PackPurchase.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("pack.purchase-not-found", Map.of("id", id)));
    }

    @Transactional
    public List<PackPurchase> purchasesOf(PersonId person) {
        placeContext.require();
        return em().createQuery(
                        "from PackPurchase p where p.personId = :p order by p.purchasedAt desc, p.id",
                        PackPurchase.class)
                .setParameter("p", person.value())
                .getResultList();
    }

    @Transactional
    public List<PackPurchase> purchases(int page, int size) {
        placeContext.require();
        return em().createQuery("from PackPurchase p order by p.purchasedAt desc, p.id", PackPurchase.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    private boolean exists(String name) {
        return em().createQuery("select count(p) from Pack p where lower(p.name) = lower(:n)", Long.class)
                        .setParameter("n", name)
                        .getSingleResult()
                > 0;
    }

    static ResourceId resource(UUID id) {
        return id == null ? null : new ResourceId(id);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
