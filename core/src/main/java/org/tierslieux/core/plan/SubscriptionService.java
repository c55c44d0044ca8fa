package org.tierslieux.core.plan;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.credit.CreditLedger;
import org.tierslieux.core.credit.CreditSource;
import org.tierslieux.core.credit.Lot;
import org.tierslieux.core.credit.PurchasePolicy;
import org.tierslieux.core.credit.Quotes;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonDirectory;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.pricing.Quote;
import org.tierslieux.core.pricing.QuoteBuilder;
import org.tierslieux.core.pricing.QuoteSubject;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Subscriptions of the current place: subscribing (prorated first period), cancelling at period end, suspending
 * and resuming, changing plan (prorated both ways), and renewing one due subscription (the job's unit of work).
 * Credits go through the ledger under the member's lock; the quote of every period is saved for billing.
 */
@ApplicationScoped
public class SubscriptionService {

    /** A subscription and the quote of its (first or new) period. */
    public record Subscribed(Subscription subscription, Quote quote) {}

    /** Who acts: the member on their own subscription, or a manager on any. */
    public record Actor(PersonId person, boolean manager) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PlanService plans;
    private final CreditLedger ledger;
    private final Quotes quotes;
    private final PersonDirectory people;
    private final Instance<PurchasePolicy> policies;
    private final Event<DomainEvent> events;

    SubscriptionService(
            Clock clock,
            PlaceContext placeContext,
            PlanService plans,
            CreditLedger ledger,
            Quotes quotes,
            PersonDirectory people,
            @Any Instance<PurchasePolicy> policies,
            Event<DomainEvent> events) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.plans = plans;
        this.ledger = ledger;
        this.quotes = quotes;
        this.people = people;
        this.policies = policies;
        this.events = events;
    }

    // ---- quotes -------------------------------------------------------------------------------------------

    /** What subscribing to the plan now would cost the member: the prorated rest of the current period. */
    @Transactional
    public Quote quote(PersonId person, UUID planId) {
        Plan plan = plans.find(planId);
        requireOnOffer(plan);
        return startQuote(person, plan, clock.instant());
    }

    private Quote startQuote(PersonId person, Plan plan, Instant now) {
        Window w = window(plan, now);
        return quotes.builder(QuoteSubject.SUBSCRIPTION, person)
                .line(describe(plan, w), BigDecimal.ONE, Unit.USE, w.proration.price(plan.price()), plan.vat())
                .build();
    }

    // ---- subscribing --------------------------------------------------------------------------------------

    /**
     * Subscribes the person: the first period runs from now to the end of the current calendar period, priced
     * and credited prorata temporis. Confirmed at once (credits granted) unless a {@link PurchasePolicy} wants it
     * paid first. A second live subscription to the same plan is refused (409 subscription.already-active).
     */
    @Transactional
    public Subscribed subscribe(PersonId person, UUID planId) {
        PlaceRef place = placeContext.require();
        Plan plan = plans.find(planId);
        requireOnOffer(plan);
        if (people.rolesInCurrentPlace(person, place.id()).isEmpty()) {
            throw DomainException.notFound("subscription.person-not-member", Map.of());
        }
        ledger.lock(person);
        if (live(person, planId).isPresent()) {
            throw DomainException.conflict("subscription.already-active", Map.of("plan", plan.name()));
        }
        Instant now = clock.instant();
        Window w = window(plan, now);
        LocalDate commitmentBase = w.proration.full() ? w.startDate : w.endDate;
        Instant commitmentEnd = plan.commitmentPeriods() == 0
                ? null
                : at(commitmentBase.plusMonths((long) plan.period().months() * plan.commitmentPeriods()), place.zone());
        Subscription subscription = new Subscription(person, null, plan, w.range, commitmentEnd, now);
        em().persist(subscription);
        flushOrAlreadyActive(plan);
        Quote quote = startQuote(person, plan, now);
        SubscriptionPeriod period =
                new SubscriptionPeriod(subscription.id(), plan.id(), "START", w.range, quote.charged(), now);
        em().persist(period);
        quotes.save(quote, subscription.id()).ifPresent(period::quoted);
        var purchase = new PurchasePolicy.Purchase(
                place, person, QuoteSubject.SUBSCRIPTION, subscription.id(), quote.about(subscription.id()));
        boolean payFirst = false;
        for (PurchasePolicy policy : policies) {
            payFirst |= policy.payFirst(purchase);
        }
        if (!payFirst) {
            subscription.activate();
            grantCredits(subscription, plan, w.proration, w.range);
        }
        return new Subscribed(subscription, quote.about(subscription.id()));
    }

    /** For billing: the first payment of a PENDING subscription arrived; its period's credits are granted. */
    @Transactional
    public Subscription activatePaid(UUID id) {
        Subscription subscription = find(id);
        Plan plan = plans.find(subscription.planId());
        subscription.activate();
        ZoneId zone = placeContext.require().zone();
        LocalDate from = LocalDate.ofInstant(subscription.periodStart(), zone);
        LocalDate start = plan.period().startOf(from);
        grantCredits(subscription, plan, Proration.of(from, start, plan.period().next(start)), subscription.period());
        return subscription;
    }

    // ---- life of a subscription ---------------------------------------------------------------------------

    /** The member (or a manager) stops it at the end of the period, or of the commitment when there is one. */
    @Transactional
    public Subscription scheduleCancellation(Actor actor, UUID id) {
        Subscription subscription = visible(actor, id);
        subscription.scheduleCancellation();
        return subscription;
    }

    /** A manager stops it now: its plan credits expire at once. */
    @Transactional
    public Subscription cancelNow(UUID id) {
        Subscription subscription = find(id);
        subscription.cancel(clock.instant());
        ledger.expireSource(subscription.person(), CreditSource.PLAN, subscription.id(), "subscription cancelled");
        return subscription;
    }

    @Transactional
    public Subscription suspend(UUID id) {
        Subscription subscription = find(id);
        subscription.suspend(clock.instant());
        return subscription;
    }

    /**
     * Resumes a suspended subscription. If its period ran out meanwhile, it restarts on the current calendar
     * period, prorated like a new subscription (the missed periods are neither charged nor credited).
     */
    @Transactional
    public Subscribed resume(UUID id) {
        Subscription subscription = find(id);
        Instant now = clock.instant();
        if (subscription.periodEnd().isAfter(now)) {
            subscription.resume(null);
            return new Subscribed(subscription, null);
        }
        Plan plan = plans.find(subscription.planId());
        Window w = window(plan, now);
        ledger.expireSource(subscription.person(), CreditSource.PLAN, subscription.id(), "period over");
        subscription.resume(w.range);
        Quote quote = startQuote(subscription.person(), plan, now);
        SubscriptionPeriod period =
                new SubscriptionPeriod(subscription.id(), plan.id(), "START", w.range, quote.charged(), now);
        em().persist(period);
        quotes.save(quote, subscription.id()).ifPresent(period::quoted);
        grantCredits(subscription, plan, w.proration, w.range);
        return new Subscribed(subscription, quote.about(subscription.id()));
    }

    /** For billing: a renewal's payment failed. */
    @Transactional
    public Subscription markPastDue(UUID id) {
        Subscription subscription = find(id);
        subscription.markPastDue();
        return subscription;
    }

    /** For billing: the late payment arrived. */
    @Transactional
    public Subscription markPaid(UUID id) {
        Subscription subscription = find(id);
        subscription.markPaid();
        return subscription;
    }

    /** What changing to {@code planId} now would cost: a credit for the unused days of the old, the rest of the new. */
    @Transactional
    public Quote changeQuote(Actor actor, UUID id, UUID planId) {
        Subscription subscription = visible(actor, id);
        return changeQuote(subscription, plans.find(subscription.planId()), plans.find(planId), clock.instant());
    }

    private Quote changeQuote(Subscription subscription, Plan old, Plan next, Instant now) {
        ZoneId zone = placeContext.require().zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate oldStart = old.period().startOf(today);
        Proration unused = Proration.of(today, oldStart, old.period().next(oldStart));
        Window w = window(next, now);
        QuoteBuilder builder = quotes.builder(QuoteSubject.SUBSCRIPTION, subscription.person());
        if (unused.daysLeft() > 0 && !old.price().isZero()) {
            builder.line(
                    old.name() + " (" + unused.daysLeft() + "/" + unused.daysInPeriod() + ")",
                    BigDecimal.ONE.negate(),
                    Unit.USE,
                    unused.price(old.price()),
                    old.vat());
        }
        return builder.line(describe(next, w), BigDecimal.ONE, Unit.USE, w.proration.price(next.price()), next.vat())
                .build();
    }

    /**
     * Changes plan at once: a credit line for the unused days of the old plan, a charged line for the rest of the
     * new plan's period; the old period's unused plan credits expire and the new plan's are granted prorata.
     */
    @Transactional
    public Subscribed changePlan(Actor actor, UUID id, UUID planId) {
        Subscription subscription = visible(actor, id);
        Plan old = plans.find(subscription.planId());
        Plan next = plans.find(planId);
        requireOnOffer(next);
        ledger.lock(subscription.person());
        if (!next.id().equals(old.id())
                && live(subscription.person(), next.id()).isPresent()) {
            throw DomainException.conflict("subscription.already-active", Map.of("plan", next.name()));
        }
        Instant now = clock.instant();
        Quote quote = changeQuote(subscription, old, next, now);
        Window w = window(next, now);
        subscription.changePlan(next, w.range);
        ledger.expireSource(subscription.person(), CreditSource.PLAN, subscription.id(), "plan changed");
        SubscriptionPeriod period =
                new SubscriptionPeriod(subscription.id(), next.id(), "CHANGE", w.range, quote.charged(), now);
        em().persist(period);
        quotes.save(quote, subscription.id()).ifPresent(period::quoted);
        grantCredits(subscription, next, w.proration, w.range);
        return new Subscribed(subscription, quote.about(subscription.id()));
    }

    // ---- renewal ------------------------------------------------------------------------------------------

    /** The ids of subscriptions whose period is over at {@code now}, oldest first (the job's batch). */
    @Transactional
    public List<UUID> due(Instant now, int max) {
        placeContext.require();
        return em().createQuery(
                        "select s.id from Subscription s where s.status in ('ACTIVE', 'PAST_DUE')"
                                + " and s.periodEnd <= :now order by s.periodEnd, s.id",
                        UUID.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Renews one due subscription by one period, or ends it when its last period is over. The row is taken with
     * {@code for update skip locked}: another node renewing it meanwhile makes this a no-op, and the unique key of
     * {@code subscription_period} makes a second renewal of the same period impossible. Returns whether anything
     * was done.
     */
    @Transactional
    public boolean renewOne(UUID id, Instant now) {
        PlaceRef place = placeContext.require();
        List<?> locked = em().createNativeQuery("select id from subscription where id = :id"
                        + " and status in ('ACTIVE', 'PAST_DUE') and period_end <= :now for update skip locked")
                .setParameter("id", id)
                .setParameter("now", now)
                .getResultList();
        if (locked.isEmpty()) {
            return false;
        }
        Subscription subscription = find(id);
        em().refresh(subscription);
        Plan plan = plans.find(subscription.planId());
        ledger.lock(subscription.person());
        if (subscription.endsAtPeriodEnd()) {
            subscription.end(subscription.periodEnd());
            ledger.expireSource(subscription.person(), CreditSource.PLAN, subscription.id(), "subscription ended");
            return true;
        }
        ZoneId zone = place.zone();
        LocalDate startDate = LocalDate.ofInstant(subscription.periodEnd(), zone);
        LocalDate endDate = plan.period().next(plan.period().startOf(startDate));
        TimeRange next = new TimeRange(subscription.periodEnd(), at(endDate, zone));
        List<Lot> previous = ledger.lots(subscription.person()).stream()
                .filter(l -> l.source() == CreditSource.PLAN
                        && subscription.id().equals(l.sourceId())
                        && l.left().signum() > 0)
                .toList();
        subscription.renew(next);
        Quote quote = quotes.builder(QuoteSubject.SUBSCRIPTION, subscription.person())
                .line(describe(plan, startDate, endDate), BigDecimal.ONE, Unit.USE, plan.price(), plan.vat())
                .build();
        SubscriptionPeriod period =
                new SubscriptionPeriod(subscription.id(), plan.id(), "RENEWAL", next, quote.charged(), now);
        em().persist(period);
        em().flush(); // the unique key (subscription, period start) refuses a second renewal of the period here
        UUID quoteId = quotes.save(quote, subscription.id()).orElse(null);
        period.quoted(quoteId);
        for (Lot lot : previous) {
            ledger.expire(subscription.person(), lot.lotId(), plan.carryOver() ? "carried over" : "period over");
            if (plan.carryOver()) {
                ledger.grant(
                        subscription.person(),
                        CreditSource.PLAN,
                        subscription.id(),
                        lot.label(),
                        lot.scope(),
                        lot.unit(),
                        lot.left(),
                        next.start(),
                        next.end(),
                        "carried over");
            }
        }
        grantCredits(subscription, plan, Proration.whole(startDate, endDate), next);
        events.fire(new SubscriptionRenewed(
                place.id(), subscription.id(), subscription.person(), plan.id(), next, quote.charged(), quoteId));
        return true;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional
    public Subscription find(UUID id) {
        placeContext.require();
        return em().createQuery("from Subscription s where s.id = :id", Subscription.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("subscription.not-found", Map.of("id", id)));
    }

    /** The member's own subscription, or any for a manager; 404 otherwise. */
    @Transactional
    public Subscription visible(Actor actor, UUID id) {
        Subscription subscription = find(id);
        if (!actor.manager() && !subscription.person().equals(actor.person())) {
            throw DomainException.notFound("subscription.not-found", Map.of("id", id));
        }
        return subscription;
    }

    @Transactional
    public List<Subscription> of(PersonId person) {
        placeContext.require();
        return em().createQuery(
                        "from Subscription s where s.personId = :p order by s.createdAt desc, s.id", Subscription.class)
                .setParameter("p", person.value())
                .getResultList();
    }

    /** The place's subscriptions, optionally of one status, newest first. */
    @Transactional
    public List<Subscription> list(SubscriptionStatus status, int page, int size) {
        placeContext.require();
        var query = em().createQuery(
                        "from Subscription s" + (status == null ? "" : " where s.status = :st")
                                + " order by s.createdAt desc, s.id",
                        Subscription.class);
        if (status != null) {
            query.setParameter("st", status);
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional
    public long count(SubscriptionStatus status) {
        placeContext.require();
        var query = em().createQuery(
                        "select count(s) from Subscription s" + (status == null ? "" : " where s.status = :st"),
                        Long.class);
        if (status != null) {
            query.setParameter("st", status);
        }
        return query.getSingleResult();
    }

    @Transactional
    public List<SubscriptionPeriod> periods(UUID subscriptionId) {
        placeContext.require();
        return em().createQuery(
                        "from SubscriptionPeriod p where p.subscriptionId = :s order by p.periodStart",
                        SubscriptionPeriod.class)
                .setParameter("s", subscriptionId)
                .getResultList();
    }

    /** The member's live subscription that sets their prices at {@code at}: active or past due, started by then. */
    @Transactional
    public Optional<Subscription> activeAt(PersonId person, Instant at) {
        placeContext.require();
        return em().createQuery(
                        "from Subscription s where s.personId = :p and s.status in ('ACTIVE', 'PAST_DUE')"
                                + " and s.startedAt <= :at order by s.startedAt desc, s.id",
                        Subscription.class)
                .setParameter("p", person.value())
                .setParameter("at", at)
                .getResultStream()
                .filter(s -> !s.endsAtPeriodEnd() || at.isBefore(s.periodEnd()))
                .findFirst();
    }

    private Optional<Subscription> live(PersonId person, UUID planId) {
        return em().createQuery(
                        "from Subscription s where s.personId = :p and s.planId = :plan"
                                + " and s.status in ('PENDING', 'ACTIVE', 'PAST_DUE', 'SUSPENDED')",
                        Subscription.class)
                .setParameter("p", person.value())
                .setParameter("plan", planId)
                .getResultStream()
                .findFirst();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The calendar period of the plan containing {@code now}, from now on, and its proration from today. */
    private record Window(LocalDate startDate, LocalDate endDate, TimeRange range, Proration proration) {}

    private Window window(Plan plan, Instant now) {
        ZoneId zone = placeContext.require().zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate start = plan.period().startOf(today);
        LocalDate end = plan.period().next(start);
        return new Window(start, end, new TimeRange(now, at(end, zone)), Proration.of(today, start, end));
    }

    private void grantCredits(Subscription subscription, Plan plan, Proration proration, TimeRange period) {
        for (IncludedCredit credit : plans.credits(plan.id())) {
            BigDecimal quantity = proration.credits(credit.unit(), credit.quantity());
            if (quantity.signum() > 0) {
                ledger.grant(
                        subscription.person(),
                        CreditSource.PLAN,
                        subscription.id(),
                        plan.name(),
                        credit.scope(),
                        credit.unit(),
                        quantity,
                        period.start(),
                        period.end(),
                        proration.full() ? null : "prorata " + proration.daysLeft() + "/" + proration.daysInPeriod());
            }
        }
    }

    private static void requireOnOffer(Plan plan) {
        if (!plan.active()) {
            throw DomainException.conflict("plan.archived", Map.of("name", plan.name()));
        }
    }

    private String describe(Plan plan, Window w) {
        String text = describe(plan, w.startDate, w.endDate);
        return w.proration.full()
                ? text
                : text + ", prorata " + w.proration.daysLeft() + "/" + w.proration.daysInPeriod();
    }

    private static String describe(Plan plan, LocalDate start, LocalDate end) {
        return plan.name() + " " + start + " – " + end.minusDays(1);
    }

    private static Instant at(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private void flushOrAlreadyActive(Plan plan) {
        try {
            em().flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw DomainException.conflict("subscription.already-active", Map.of("plan", plan.name()));
                }
            }
            throw e;
        }
    }

    static Money zero(PlaceRef place) {
        return Money.zero(place.currency());
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
