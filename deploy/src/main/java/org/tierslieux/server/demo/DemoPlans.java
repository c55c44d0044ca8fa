package org.tierslieux.server.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.credit.PackTerms;
import org.tierslieux.core.kernel.AsOf;
import org.tierslieux.core.kernel.Money;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.plan.IncludedCredit;
import org.tierslieux.core.plan.PlanDraft;
import org.tierslieux.core.plan.PlanPeriod;
import org.tierslieux.core.plan.PlanService;
import org.tierslieux.core.plan.SubscriptionService;
import org.tierslieux.core.pricing.Scope;
import org.tierslieux.core.pricing.Unit;
import org.tierslieux.core.pricing.VatRate;

/**
 * The demo's plans, packs and subscription, through the same services as a manager and a member: at La Filature
 * "Résident" (10 desk-days a month) and "Nomade" (5), a carnet of 10 desk-days and a day pass, the demo member
 * subscribed to "Résident" since the first of the month (so the calendar's bookings of this month spend its
 * credits); at L'Atelier Commun "Maker" with 10 machine-hours a month. Seeded once: skipped when the place
 * has plans. Runs before the calendar.
 */
@ApplicationScoped
class DemoPlans {

    private static final Logger LOG = Logger.getLogger(DemoPlans.class);

    @Inject
    PlanService plans;

    @Inject
    PackService packs;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    AsOf asOf;

    @Inject
    Clock clock;

    void filature(PlaceRef place, PersonId member) {
        if (!plans.list(true).isEmpty()) {
            return;
        }
        var resident = plans.create(new PlanDraft(
                "Résident",
                "Un poste en open space tous les jours ou presque.",
                PlanPeriod.MONTH,
                euros(place, "180"),
                VatRate.STANDARD,
                3,
                List.of(new IncludedCredit(Scope.ofKind("DESK_POOL"), Unit.DAY, BigDecimal.TEN)),
                false,
                BigDecimal.ZERO));
        plans.create(new PlanDraft(
                "Nomade",
                "Cinq journées par mois en open space.",
                PlanPeriod.MONTH,
                euros(place, "95"),
                VatRate.STANDARD,
                0,
                List.of(new IncludedCredit(Scope.ofKind("DESK_POOL"), Unit.DAY, BigDecimal.valueOf(5))),
                false,
                BigDecimal.ZERO));
        packs.create(new PackTerms(
                "Carnet 10 journées",
                "Dix journées en open space, valables six mois.",
                Scope.ofKind("DESK_POOL"),
                Unit.DAY,
                BigDecimal.TEN,
                null,
                6,
                euros(place, "200"),
                VatRate.STANDARD,
                false));
        packs.create(new PackTerms(
                "Pass journée",
                "Une journée en open space, à utiliser dans le mois.",
                Scope.ofKind("DESK_POOL"),
                Unit.DAY,
                BigDecimal.ONE,
                30,
                null,
                euros(place, "25"),
                VatRate.STANDARD,
                true));
        LocalDate first = LocalDate.ofInstant(clock.instant(), place.zone()).withDayOfMonth(1);
        Instant then = first.atTime(9, 0).atZone(place.zone()).toInstant();
        Instant now = clock.instant();
        asOf.run(then.isBefore(now) ? then : now, () -> {
            subscriptions.subscribe(member, resident.plan().id());
        });
        LOG.infof("Demo plans at %s: the demo member subscribed to Résident", place.slug());
    }

    void atelier(PlaceRef place) {
        if (!plans.list(true).isEmpty()) {
            return;
        }
        plans.create(new PlanDraft(
                "Maker",
                "Dix heures de machines par mois.",
                PlanPeriod.MONTH,
                euros(place, "40"),
                VatRate.EXEMPT,
                0,
                List.of(new IncludedCredit(Scope.ofKind("MACHINE"), Unit.HOUR, BigDecimal.TEN)),
                false,
                BigDecimal.ZERO));
        packs.create(new PackTerms(
                "Carnet 20 heures machine",
                "Vingt heures de machines, valables un an.",
                Scope.ofKind("MACHINE"),
                Unit.HOUR,
                BigDecimal.valueOf(20),
                null,
                12,
                euros(place, "120"),
                VatRate.EXEMPT,
                false));
    }

    private static Money euros(PlaceRef place, String amount) {
        return new Money(new BigDecimal(amount), place.currency());
    }
}
