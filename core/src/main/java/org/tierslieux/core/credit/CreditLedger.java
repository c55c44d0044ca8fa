package org.tierslieux.core.credit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.MemberLock;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.pricing.CreditCoverage;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The credit ledger of the current place. Entries are only added, and every write for one member happens under
 * that member's advisory lock, the very lock booking limits take ({@code <placeId>/<personId>}): two bookings of
 * one member, or a booking and the renewal job, never both spend the same last credit. A lot never gives more
 * than its balance, which is read under the lock.
 */
@ApplicationScoped
public class CreditLedger {

    private final Clock clock;
    private final PlaceContext placeContext;
    private final MemberLock memberLock;

    CreditLedger(Clock clock, PlaceContext placeContext, MemberLock memberLock) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.memberLock = memberLock;
    }

    /** Takes the member's lock (the one booking limits count under) until the end of the transaction. */
    public void lock(PersonId person) {
        memberLock.lock(person);
    }

    /** Opens a lot; returns its id (the grant entry's). */
    @Transactional
    public UUID grant(
            PersonId person,
            CreditSource source,
            UUID sourceId,
            String label,
            Scope scope,
            Unit unit,
            BigDecimal quantity,
            Instant validFrom,
            Instant expiresAt,
            String note) {
        lock(person);
        CreditEntry grant = CreditEntry.grant(
                person, source, sourceId, label, scope, unit, quantity, validFrom, expiresAt, clock.instant(), note);
        em().persist(grant);
        return grant.lotId();
    }

    /** Every lot of the member here with what is left of it, in spending order. */
    @Transactional
    public List<Lot> lots(PersonId person) {
        placeContext.require();
        List<CreditEntry> grants = em().createQuery(
                        "from CreditEntry e where e.personId = :p and e.type = 'GRANT'", CreditEntry.class)
                .setParameter("p", person.value())
                .getResultList();
        Map<UUID, BigDecimal> sums = new HashMap<>();
        em().createQuery(
                        "select e.lotId, sum(e.quantity) from CreditEntry e where e.personId = :p group by e.lotId",
                        Object[].class)
                .setParameter("p", person.value())
                .getResultList()
                .forEach(row -> sums.put((UUID) row[0], (BigDecimal) row[1]));
        List<Lot> lots = new ArrayList<>();
        for (CreditEntry g : grants) {
            lots.add(new Lot(
                    g.lotId(),
                    g.source(),
                    g.sourceId(),
                    g.label(),
                    g.scope(),
                    g.unit(),
                    g.quantity(),
                    sums.getOrDefault(g.lotId(), BigDecimal.ZERO),
                    g.validFrom(),
                    g.expiresAt()));
        }
        lots.sort(Lot.SPENDING_ORDER);
        return lots;
    }

    /** The lots with credits left that can pay for what happens at {@code at}. */
    @Transactional
    public List<Lot> usableAt(PersonId person, Instant at) {
        return lots(person).stream().filter(l -> l.usableAt(at)).toList();
    }

    /** The member's entries, newest first. */
    @Transactional
    public List<CreditEntry> history(PersonId person, int page, int size) {
        placeContext.require();
        return em().createQuery(
                        "from CreditEntry e where e.personId = :p order by e.at desc, e.seq desc", CreditEntry.class)
                .setParameter("p", person.value())
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    @Transactional
    public long historySize(PersonId person) {
        return em().createQuery("select count(e) from CreditEntry e where e.personId = :p", Long.class)
                .setParameter("p", person.value())
                .getSingleResult();
    }

    /**
     * Writes the consumption of a booking: one entry per lot taken. Under the lock, each take is checked against
     * the lot's balance read now; a take that no longer fits is refused (the caller computed it under the lock,
     * so this only guards against a caller that did not).
     */
    @Transactional
    public void consume(PersonId person, UUID bookingId, List<CreditCoverage.Covered> takes) {
        lock(person);
        Instant now = clock.instant();
        for (CreditCoverage.Covered take : takes) {
            CreditEntry grant = grant(take.lotId());
            if (!grant.person().equals(person)) {
                throw DomainException.notFound("credit.lot-not-found", Map.of("id", take.lotId()));
            }
            BigDecimal left = balance(take.lotId());
            if (take.quantity().signum() <= 0 || take.quantity().compareTo(left) > 0) {
                throw DomainException.conflict("credit.insufficient", Map.of("left", left.toPlainString()));
            }
            em().persist(grant.movement(EntryType.CONSUME, take.quantity().negate(), bookingId, now, null));
        }
    }

    /** Gives back exactly what a booking took from each lot and has not been given back yet. */
    @Transactional
    public BigDecimal refund(PersonId person, UUID bookingId, String note) {
        lock(person);
        Instant now = clock.instant();
        BigDecimal total = BigDecimal.ZERO;
        List<Object[]> nets = em().createQuery(
                        "select e.lotId, sum(e.quantity) from CreditEntry e where e.bookingId = :b group by e.lotId",
                        Object[].class)
                .setParameter("b", bookingId)
                .getResultList();
        for (Object[] row : nets) {
            BigDecimal net = (BigDecimal) row[1];
            if (net.signum() < 0) {
                em().persist(grant((UUID) row[0]).movement(EntryType.REFUND, net.negate(), bookingId, now, note));
                total = total.add(net.negate());
            }
        }
        return total;
    }

    /** What a booking took from the credits, net of refunds, per lot (empty when nothing). */
    @Transactional
    public Map<UUID, BigDecimal> takenBy(UUID bookingId) {
        Map<UUID, BigDecimal> taken = new HashMap<>();
        em().createQuery(
                        "select e.lotId, sum(e.quantity) from CreditEntry e where e.bookingId = :b group by e.lotId",
                        Object[].class)
                .setParameter("b", bookingId)
                .getResultList()
                .forEach(row -> {
                    BigDecimal net = ((BigDecimal) row[1]).negate();
                    if (net.signum() > 0) {
                        taken.put((UUID) row[0], net);
                    }
                });
        return taken;
    }

    /** Ends a lot now: what is left of it goes in an EXPIRE entry. Returns the quantity expired. */
    @Transactional
    public BigDecimal expire(PersonId person, UUID lotId, String note) {
        lock(person);
        BigDecimal left = balance(lotId);
        if (left.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        em().persist(grant(lotId).movement(EntryType.EXPIRE, left.negate(), null, clock.instant(), note));
        return left;
    }

    /** Ends every lot of a source (a subscription's period credits when its plan changes or it ends). */
    @Transactional
    public int expireSource(PersonId person, CreditSource source, UUID sourceId, String note) {
        lock(person);
        int expired = 0;
        for (Lot lot : lots(person)) {
            if (lot.source() == source
                    && sourceId.equals(lot.sourceId())
                    && lot.left().signum() > 0) {
                expire(person, lot.lotId(), note);
                expired++;
            }
        }
        return expired;
    }

    /** The lots past their expiry that still hold credits (for the expiry job), oldest first, at most {@code max}. */
    @Transactional
    public List<UUID[]> dueForExpiry(Instant now, int max) {
        placeContext.require();
        List<Object[]> rows = em().createQuery(
                        "select g.lotId, g.personId from CreditEntry g where g.type = 'GRANT' and g.expiresAt <= :now"
                                + " and (select sum(e.quantity) from CreditEntry e where e.lotId = g.lotId) > 0"
                                + " order by g.expiresAt, g.id",
                        Object[].class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        List<UUID[]> due = new ArrayList<>();
        rows.forEach(r -> due.add(new UUID[] {(UUID) r[0], (UUID) r[1]}));
        return due;
    }

    /** A manager's correction of a lot, positive or negative; the balance may not go below zero. */
    @Transactional
    public CreditEntry adjust(UUID lotId, BigDecimal quantity, String note) {
        CreditEntry grant = grant(lotId);
        lock(grant.person());
        if (quantity == null
                || quantity.signum() == 0
                || quantity.scale() > 2
                || quantity.abs().compareTo(new BigDecimal("10000")) > 0) {
            throw DomainException.invalid("credit.quantity-invalid", Map.of());
        }
        BigDecimal left = balance(lotId);
        if (left.add(quantity).signum() < 0) {
            throw DomainException.conflict("credit.insufficient", Map.of("left", left.toPlainString()));
        }
        CreditEntry entry = grant.movement(EntryType.ADJUST, quantity, null, clock.instant(), note);
        em().persist(entry);
        return entry;
    }

    /** The balance of one lot: the sum of its entries. */
    public BigDecimal balance(UUID lotId) {
        BigDecimal sum = em().createQuery(
                        "select sum(e.quantity) from CreditEntry e where e.lotId = :l", BigDecimal.class)
                .setParameter("l", lotId)
                .getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** The grant that opened a lot of the current place, or 404 (another place's lot too). */
    @Transactional
    public CreditEntry grant(UUID lotId) {
        placeContext.require();
        return em().createQuery("from CreditEntry e where e.id = :l and e.type = 'GRANT'", CreditEntry.class)
                .setParameter("l", lotId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("credit.lot-not-found", Map.of("id", lotId)));
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
