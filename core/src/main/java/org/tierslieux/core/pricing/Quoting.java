package org.tierslieux.core.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tierslieux.core.booking.BookingAttempt;
import org.tierslieux.core.booking.BookingService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.membership.CompanyService;
import org.tierslieux.core.membership.GroupService;
import org.tierslieux.core.membership.MemberGroup;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Quotes a booking in four steps: the usage ({@link UsageMeter}), what the member's credits cover ({@link
 * CreditCoverage}, plan credits first, then packs), the rest at the member's prices (their group and plan, the
 * most specific price winning, the plan's discount on extras, the cheapest tier per day), then the lines that
 * extensions add ({@link QuoteLineContributor}). A read: nothing is consumed or stored here.
 */
@ApplicationScoped
class Quoting implements QuoteService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final PriceList prices;
    private final GroupService groups;
    private final CompanyService companies;
    private final PeopleService people;
    private final Instance<CreditCoverage> coverage;
    private final Instance<PlanTerms> plans;
    private final Instance<QuoteLineContributor> contributors;

    Quoting(
            PlaceContext placeContext,
            ResourceService resources,
            PriceList prices,
            GroupService groups,
            CompanyService companies,
            PeopleService people,
            @Any Instance<CreditCoverage> coverage,
            @Any Instance<PlanTerms> plans,
            @Any Instance<QuoteLineContributor> contributors) {
        this.placeContext = placeContext;
        this.resources = resources;
        this.prices = prices;
        this.groups = groups;
        this.companies = companies;
        this.people = people;
        this.coverage = coverage;
        this.plans = plans;
        this.contributors = contributors;
    }

    @Override
    @Transactional
    public Quote forBooking(PersonId person, BookingService.Request request, Instant at) {
        PlaceRef place = placeContext.require();
        ZoneId zone = place.zone();
        Resource resource = resources.find(request.resource());
        if (request.seats() < 1 || request.seats() > 10_000) {
            throw DomainException.invalid("booking.seats-invalid", Map.of("seats", request.seats()));
        }
        if (resource.bookedWhole() && request.seats() != 1) {
            throw DomainException.invalid("booking.seats-whole", Map.of("name", resource.name()));
        }
        Usage usage = UsageMeter.of(resource, request.period(), request.seats(), zone);
        List<Usage> perDay = UsageMeter.perDay(request.period(), request.seats(), zone);
        LocalDate first = LocalDate.ofInstant(request.period().start(), zone);
        List<BookingPricer.Day> days = new ArrayList<>();
        for (int i = 0; i < perDay.size(); i++) {
            days.add(new BookingPricer.Day(first.plusDays(i), perDay.get(i), BigDecimal.valueOf(request.seats())));
        }

        List<CreditCoverage.Covered> covered =
                coverage.isResolvable() ? coverage.get().cover(person, resource, usage, at) : List.of();
        BigDecimal uses = usage.quantity(Unit.USE);
        BigDecimal sessions = usage.quantity(Unit.SESSION);
        for (CreditCoverage.Covered c : covered) {
            if (c.unit() == Unit.USE) {
                uses = uses.subtract(c.quantity()).max(BigDecimal.ZERO);
            } else if (c.unit() == Unit.SESSION) {
                sessions = sessions.subtract(c.quantity()).max(BigDecimal.ZERO);
            } else {
                days = takeCovered(days, c.unit(), c.quantity());
            }
        }

        Optional<PlanTerms.ActivePlan> plan =
                plans.isResolvable() ? plans.get().activePlan(person, at) : Optional.empty();
        MemberGroup group = groups.groupOf(person);
        List<PriceRule> rules = prices.candidates(
                resource, group.id(), plan.map(PlanTerms.ActivePlan::planId).orElse(null));
        BigDecimal discount = plan.map(PlanTerms.ActivePlan::extrasDiscountPercent)
                .filter(d -> d.signum() > 0)
                .map(d -> d.min(HUNDRED))
                .orElse(BigDecimal.ZERO);
        BookingPricer.Prices unitPrices = (unit, day) -> PriceRule.resolve(rules, unit, day)
                .map(r -> new BookingPricer.UnitPrice(
                        r.id(),
                        r.forPlan() || discount.signum() == 0
                                ? r.amount()
                                : r.amount()
                                        .multiply(HUNDRED.subtract(discount))
                                        .divide(HUNDRED, 4, RoundingMode.HALF_UP),
                        r.vat()));

        QuoteBuilder quote = builder(QuoteSubject.preview(QuoteSubject.BOOKING), person);
        for (CreditCoverage.Covered c : covered) {
            VatRate vat = unitPrices
                    .at(c.unit(), first)
                    .map(BookingPricer.UnitPrice::vat)
                    .orElse(VatRate.EXEMPT);
            quote.covered(resource.name(), c.quantity(), c.unit(), vat, new Coverage(c.lotId(), c.source(), c.label()));
        }
        for (BookingPricer.Charge charge : BookingPricer.charges(days, uses, sessions, unitPrices)) {
            if (charge.amount().signum() == 0) {
                continue;
            }
            boolean discounted = discount.signum() > 0
                    && rules.stream().anyMatch(r -> r.id().equals(charge.price().priceId()) && !r.forPlan());
            String description = discounted
                    ? resource.name() + " (-" + discount.stripTrailingZeros().toPlainString() + " % "
                            + plan.get().planName() + ")"
                    : resource.name();
            quote.line(
                    description,
                    charge.quantity(),
                    charge.unit(),
                    new Money(charge.price().amount(), place.currency()),
                    charge.price().vat());
        }
        BookingAttempt attempt = new BookingAttempt(place, resource, person, request.period(), request.seats());
        for (QuoteLineContributor contributor : contributors) {
            contributor.linesFor(attempt).forEach(quote::add);
        }
        return quote.build();
    }

    @Override
    @Transactional
    public QuoteBuilder builder(QuoteSubject subject, PersonId person) {
        PlaceRef place = placeContext.require();
        BillTo billTo = companies
                .companyOf(person)
                .map(c -> new BillTo(person, c.id().value(), c.name()))
                .orElseGet(() -> new BillTo(person, null, people.find(person).displayName()));
        return new QuoteBuilder(place, prices.pricesIncludeVat(), subject, billTo);
    }

    /**
     * Removes a covered quantity from the days, first days first: a day whose quantity in the covered unit is
     * taken in part keeps the same part of every time unit (half a day covered leaves half its hours).
     */
    static List<BookingPricer.Day> takeCovered(List<BookingPricer.Day> days, Unit unit, BigDecimal quantity) {
        List<BookingPricer.Day> left = new ArrayList<>();
        BigDecimal toTake = quantity;
        for (BookingPricer.Day day : days) {
            BigDecimal has = day.usage().quantity(unit);
            if (toTake.signum() <= 0 || has.signum() <= 0) {
                left.add(day);
                continue;
            }
            BigDecimal taken = toTake.min(has);
            toTake = toTake.subtract(taken);
            BigDecimal keep = has.subtract(taken).divide(has, 6, RoundingMode.HALF_UP);
            Map<Unit, BigDecimal> q = new EnumMap<>(Unit.class);
            day.usage().quantities().forEach((u, v) -> q.put(u, v.multiply(keep).setScale(2, RoundingMode.HALF_UP)));
            left.add(new BookingPricer.Day(
                    day.date(), new Usage(q), day.wholeDays().multiply(keep).setScale(2, RoundingMode.HALF_UP)));
        }
        return left;
    }
}
