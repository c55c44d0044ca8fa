package org.tierslieux.core.pricing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.membership.GroupId;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceKinds;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The current place's price list and its VAT mode. Entries are checked here (a known scope and group, an
 * amount above 0 and below 100,000, a valid period); two entries of the same scope, unit, group and plan whose
 * periods overlap are refused by the database's exclusion constraint, answered as {@code price.overlap}.
 */
@ApplicationScoped
public class PriceList {

    /** The largest amount a price may have (exclusive): anything above is a typing mistake. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

    /** A price as a manager enters it ({@code group} and {@code planId} null: for anybody). */
    public record Entry(
            Scope scope,
            Unit unit,
            GroupId group,
            UUID planId,
            BigDecimal amount,
            VatRate vat,
            LocalDate validFrom,
            LocalDate validUntil) {
        public Entry {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(vat, "vat");
        }
    }

    private final Clock clock;
    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final ResourceKinds kinds;
    private final GroupService groups;

    PriceList(
            Clock clock,
            PlaceContext placeContext,
            ResourceService resources,
            ResourceKinds kinds,
            GroupService groups) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.resources = resources;
        this.kinds = kinds;
        this.groups = groups;
    }

    /** Every price of the place, or those valid on a day; by scope, unit and start. */
    @Transactional
    public List<Price> prices(LocalDate validOn) {
        placeContext.require();
        String where =
                validOn == null ? "" : " where p.validFrom <= :d and (p.validUntil is null or p.validUntil >= :d)";
        var query = em().createQuery(
                        "from Price p" + where + " order by p.kind nulls last, p.resourceId, p.unit, p.validFrom",
                        Price.class);
        if (validOn != null) {
            query.setParameter("d", validOn);
        }
        return query.getResultList();
    }

    @Transactional
    public Price find(UUID id) {
        placeContext.require();
        Price price = id == null
                ? null
                : em().createQuery("from Price p where p.id = :id", Price.class)
                        .setParameter("id", id)
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (price == null) {
            throw DomainException.notFound("price.not-found", Map.of("id", String.valueOf(id)));
        }
        return price;
    }

    @Transactional
    public Price add(Entry entry) {
        Entry checked = check(entry);
        Price price = new Price(checked, clock.instant());
        em().persist(price);
        flushOrOverlap();
        return price;
    }

    @Transactional
    public Price change(UUID id, Entry entry) {
        Price price = find(id);
        price.set(check(entry));
        flushOrOverlap();
        return price;
    }

    /** Ends a price on a day (included), so that a new one may start the day after. */
    @Transactional
    public Price end(UUID id, LocalDate lastDay) {
        Price price = find(id);
        if (lastDay == null) {
            throw DomainException.invalid(
                    "price.validity-invalid", Map.of("from", price.validFrom().toString(), "until", ""));
        }
        return change(
                id,
                new Entry(
                        price.scope(),
                        price.unit(),
                        price.group(),
                        price.planId(),
                        price.amount(),
                        price.vat(),
                        price.validFrom(),
                        lastDay));
    }

    @Transactional
    public void remove(UUID id) {
        em().remove(find(id));
    }

    /** Whether the place's prices are entered VAT included (true unless the place chose otherwise). */
    @Transactional
    public boolean pricesIncludeVat() {
        placeContext.require();
        return settings().map(PricingSettings::pricesIncludeVat).orElse(true);
    }

    @Transactional
    public void pricesIncludeVat(boolean include) {
        placeContext.require();
        PricingSettings s = settings().orElseGet(() -> {
            PricingSettings created = new PricingSettings(include);
            em().persist(created);
            return created;
        });
        s.pricesIncludeVat(include);
    }

    /** The prices that may apply to a member of this group, with this plan (or none), for this resource. */
    @Transactional
    List<PriceRule> candidates(Resource resource, GroupId group, UUID planId) {
        return em().createQuery(
                        "from Price p where (p.resourceId = :r or p.kind = :k)"
                                + " and (p.groupId is null or p.groupId = :g)"
                                + " and (p.planId is null or p.planId = :plan)",
                        Price.class)
                .setParameter("r", resource.id().value())
                .setParameter("k", resource.kind())
                .setParameter("g", group == null ? NOBODY : group.value())
                .setParameter("plan", planId == null ? NOBODY : planId)
                .getResultStream()
                .map(Price::rule)
                .toList();
    }

    private static final UUID NOBODY = new UUID(0, 0);

    private Entry check(Entry e) {
        placeContext.require();
        Scope scope = e.scope().isResource()
                ? Scope.ofResource(resources.find(e.scope().resource()).id())
                : Scope.ofKind(kinds.byCode(e.scope().kind()).code());
        GroupId group = e.group() == null ? null : groups.find(e.group()).id();
        BigDecimal amount = e.amount();
        if (amount == null
                || amount.signum() <= 0
                || amount.compareTo(MAX_AMOUNT) >= 0
                || amount.stripTrailingZeros().scale() > 4) {
            throw DomainException.invalid(
                    "price.amount-invalid",
                    Map.of("amount", String.valueOf(amount == null ? null : amount.toPlainString()), "max", "100000"));
        }
        LocalDate from = e.validFrom() != null
                ? e.validFrom()
                : clock.instant().atZone(placeContext.require().zone()).toLocalDate();
        if (e.validUntil() != null && e.validUntil().isBefore(from)) {
            throw DomainException.invalid(
                    "price.validity-invalid",
                    Map.of("from", from.toString(), "until", e.validUntil().toString()));
        }
        if (from.getYear() < 2000
                || from.getYear() > 2999
                || (e.validUntil() != null && e.validUntil().getYear() > 2999)) {
            throw DomainException.invalid(
                    "price.validity-invalid", Map.of("from", from.toString(), "until", String.valueOf(e.validUntil())));
        }
        return new Entry(scope, e.unit(), group, e.planId(), amount, e.vat(), from, e.validUntil());
    }

    private java.util.Optional<PricingSettings> settings() {
        return em().createQuery("from PricingSettings", PricingSettings.class)
                .getResultStream()
                .findFirst();
    }

    private void flushOrOverlap() {
        try {
            em().flush();
        } catch (PersistenceException e) {
            if ("23P01".equals(sqlState(e))) {
                throw DomainException.conflict("price.overlap", Map.of());
            }
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
