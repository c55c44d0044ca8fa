package org.tierslieux.coworking.network;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceId;

/**
 * What the network agreed: the desk-days a member may spend at other places each month, the rate the home
 * place pays the host per desk-day, and which places take part. Until a network admin sets them, the
 * allowance is 0 (no network visits) and no place takes part.
 */
@ApplicationScoped
public class NetworkSettings {

    /** The agreement: desk-days per member and month, and the rate per desk-day. */
    @io.quarkus.qute.TemplateData
    public record Terms(BigDecimal monthlyAllowance, Money rate) {}

    static final BigDecimal MAX_ALLOWANCE = BigDecimal.valueOf(31);
    static final BigDecimal MAX_RATE = BigDecimal.valueOf(10_000);

    private final Clock clock;

    NetworkSettings(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public Terms terms() {
        List<Object[]> rows = em().createNativeQuery(
                        "select monthly_allowance, rate, currency from network_settings where id = 1", Object[].class)
                .getResultList();
        if (rows.isEmpty()) {
            return new Terms(BigDecimal.ZERO, Money.zero(Currency.getInstance("EUR")));
        }
        Object[] row = rows.get(0);
        return new Terms(
                ((BigDecimal) row[0]).stripTrailingZeros(),
                new Money(((BigDecimal) row[1]).setScale(2), Currency.getInstance((String) row[2])));
    }

    /** A network admin sets the agreement; an allowance in half days from 0 to 31, a rate from 0 to 10,000. */
    @Transactional
    public Terms set(PersonId by, BigDecimal allowance, BigDecimal rate, String currency) {
        if (allowance == null
                || allowance.signum() < 0
                || allowance.compareTo(MAX_ALLOWANCE) > 0
                || allowance.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
            throw DomainException.invalid("network.allowance-invalid", Map.of("max", MAX_ALLOWANCE));
        }
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.scale() > 2) {
            throw DomainException.invalid("network.rate-invalid", Map.of("max", MAX_RATE));
        }
        Currency money;
        try {
            money = Currency.getInstance(currency == null ? "EUR" : currency.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("network.currency-invalid", Map.of("currency", String.valueOf(currency)));
        }
        em().createNativeQuery("insert into network_settings (id, monthly_allowance, rate, currency, updated_at,"
                        + " updated_by) values (1, :a, :r, :c, :now, :by) on conflict (id) do update set"
                        + " monthly_allowance = excluded.monthly_allowance, rate = excluded.rate,"
                        + " currency = excluded.currency, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by")
                .setParameter("a", allowance)
                .setParameter("r", rate)
                .setParameter("c", money.getCurrencyCode())
                .setParameter("now", clock.instant())
                .setParameter("by", by == null ? null : by.value())
                .executeUpdate();
        return terms();
    }

    @Transactional
    public boolean participates(PlaceId place) {
        return !em().createNativeQuery("select 1 from network_place where place_id = :p")
                .setParameter("p", place.value())
                .getResultList()
                .isEmpty();
    }

    @Transactional
    public Set<PlaceId> participating() {
        List<UUID> ids = em().createNativeQuery("select place_id from network_place", UUID.class)
                .getResultList();
        return ids.stream().map(PlaceId::new).collect(Collectors.toUnmodifiableSet());
    }

    /** The place opts in to (or out of) the network pass; visits already booked stay. */
    @Transactional
    public void setParticipating(PlaceId place, boolean participating, PersonId by) {
        if (participating) {
            em().createNativeQuery("insert into network_place (place_id, opted_in_at, opted_in_by)"
                            + " values (:p, :now, :by) on conflict (place_id) do nothing")
                    .setParameter("p", place.value())
                    .setParameter("now", clock.instant())
                    .setParameter("by", by == null ? null : by.value())
                    .executeUpdate();
        } else {
            em().createNativeQuery("delete from network_place where place_id = :p")
                    .setParameter("p", place.value())
                    .executeUpdate();
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
