package org.tierslieux.coworking.network;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.TimeRange;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceDirectory;
import org.tierslieux.core.place.PlaceId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;

/**
 * Who the network pass lets in, and for how many desk-days: a person who is not a member of the host place,
 * with a running plan (ACTIVE, or PAST_DUE: a late payment keeps the plan's rights until a manager suspends it,
 * as core's prices and credits do) at another place taking part, on a desk or desk pool of a host taking part,
 * for one day or half a day, within the month's allowance (counted over every host, in the host's days). Runs inside the
 * caller's transaction (never opens one of its own that a refusal would mark for rollback), except the read
 * of the person's own plans at other places, which needs a short transaction of its own (app.person_id).
 */
@ApplicationScoped
public class NetworkPass {

    /** The resource kinds the pass opens: desk pools (hot desks) and desks. */
    public static final Set<String> KINDS = Set.of("DESK_POOL", "DESK");

    /** A booking more than this long counts as a whole day, otherwise half a day. */
    static final Duration HALF_DAY = Duration.ofHours(5);

    /** Why the pass admits someone: their home place, the host's day, 0.5 or 1 desk-day. */
    public record Admission(PlaceRef home, LocalDate day, BigDecimal days) {}

    /** A person's allowance this month: what the network allows, what they used, what is left. */
    public record Allowance(YearMonth month, BigDecimal allowed, BigDecimal used) {
        public BigDecimal left() {
            return allowed.subtract(used).max(BigDecimal.ZERO);
        }
    }

    private final NetworkSettings settings;
    private final PlaceDirectory places;
    private final Clock clock;

    NetworkPass(NetworkSettings settings, PlaceDirectory places, Clock clock) {
        this.settings = settings;
        this.places = places;
        this.clock = clock;
    }

    /**
     * Admits the person at the host for the period, or refuses with the reason: the host or the home place
     * does not take part (403 network.place-not-participating), no active plan anywhere else (403
     * network.no-active-plan), more than a day (422 network.one-day), beyond the allowance (409
     * network.allowance-exceeded). Empty when the pass has nothing to say (not a desk).
     */
    public Optional<Admission> admit(PersonId person, PlaceRef host, Resource resource, TimeRange period) {
        if (!KINDS.contains(resource.kind())) {
            return Optional.empty();
        }
        if (!settings.participates(host.id())) {
            throw DomainException.forbidden("network.place-not-participating");
        }
        PlaceRef home = home(person, host.id());
        LocalDate day = period.start().atZone(host.zone()).toLocalDate();
        if (!period.end().minusNanos(1).atZone(host.zone()).toLocalDate().equals(day)) {
            throw DomainException.invalid("network.one-day", Map.of());
        }
        BigDecimal days = period.duration().compareTo(HALF_DAY) > 0 ? BigDecimal.ONE : new BigDecimal("0.5");
        Allowance allowance = allowance(person, YearMonth.from(day));
        if (allowance.used().add(days).compareTo(allowance.allowed()) > 0) {
            throw DomainException.conflict(
                    "network.allowance-exceeded",
                    Map.of(
                            "allowed", allowance.allowed().toPlainString(),
                            "used", allowance.used().toPlainString(),
                            "month", allowance.month().toString()));
        }
        return Optional.of(new Admission(home, day, days));
    }

    /** The admission, or empty when the pass would refuse (for code that only needs to know). */
    public Optional<Admission> quietly(PersonId person, PlaceRef host, Resource resource, TimeRange period) {
        try {
            return admit(person, host, resource, period);
        } catch (DomainException refused) {
            return Optional.empty();
        }
    }

    /**
     * The place whose active plan carries the pass: of the person's running (ACTIVE or PAST_DUE) subscriptions at
     * places other than {@code host}, one at a place taking part (the oldest). 403 no-active-plan or place-not-participating.
     */
    public PlaceRef home(PersonId person, PlaceId host) {
        List<UUID> planPlaces = activePlanPlaces(person);
        Set<PlaceId> participating = settings.participating();
        boolean elsewhere = false;
        for (UUID id : planPlaces) {
            PlaceId place = new PlaceId(id);
            if (place.equals(host)) {
                continue;
            }
            elsewhere = true;
            if (participating.contains(place)) {
                return places.byId(place).orElseThrow();
            }
        }
        throw DomainException.forbidden(elsewhere ? "network.place-not-participating" : "network.no-active-plan");
    }

    /** The person's home place for the pass, if any (the member's page). */
    public Optional<PlaceRef> homeIfAny(PersonId person) {
        try {
            return Optional.of(home(person, new PlaceId(new UUID(0, 0))));
        } catch (DomainException none) {
            return Optional.empty();
        }
    }

    /** Desk-days of the month already booked through the pass (not cancelled), at every host. */
    public Allowance allowance(PersonId person, YearMonth month) {
        BigDecimal used = (BigDecimal)
                em().createNativeQuery("select coalesce(sum(days), 0) from network_visit where person_id = :p"
                                + " and day between :from and :to and cancelled_at is null")
                        .setParameter("p", person.value())
                        .setParameter("from", month.atDay(1))
                        .setParameter("to", month.atEndOfMonth())
                        .getSingleResult();
        return new Allowance(month, settings.terms().monthlyAllowance(), used.stripTrailingZeros());
    }

    /** This month in the given zone. */
    public YearMonth thisMonth(java.time.ZoneId zone) {
        return YearMonth.from(clock.instant().atZone(zone));
    }

    /**
     * The places where the person holds a running plan (ACTIVE or PAST_DUE, the grace of a late payment), read
     * across places in a short transaction of its own where app.person_id lets them read their own subscriptions (core's subscription_of_myself policy).
     */
    List<UUID> activePlanPlaces(PersonId person) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em().createNativeQuery("select set_config('app.person_id', :p, true)")
                    .setParameter("p", person.toString())
                    .getSingleResult();
            @SuppressWarnings("unchecked")
            List<UUID> ids = em().createNativeQuery(
                            "select tenant_id from subscription where person_id = :p"
                                    + " and status in ('ACTIVE', 'PAST_DUE')"
                                    + " and started_at <= :now group by tenant_id order by min(started_at)",
                            UUID.class)
                    .setParameter("p", person.value())
                    .setParameter("now", clock.instant())
                    .getResultList();
            return ids;
        });
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
