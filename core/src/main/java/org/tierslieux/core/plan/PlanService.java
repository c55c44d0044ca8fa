package org.tierslieux.core.plan;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.credit.PackService;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceRef;
import org.tierslieux.core.tenancy.PlaceContext;

/** The plans of the current place: offered by managers, listed to members. */
@ApplicationScoped
public class PlanService {

    /** A plan with the credits it includes each period. */
    @io.quarkus.qute.TemplateData
    public record Offer(Plan plan, List<IncludedCredit> credits) {}

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PackService packs;

    PlanService(Clock clock, PlaceContext placeContext, PackService packs) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.packs = packs;
    }

    @Transactional
    public Offer create(PlanDraft draft) {
        PlaceRef place = placeContext.require();
        if (!draft.price().currency().equals(place.currency())) {
            throw DomainException.invalid("price.currency-mismatch", Map.of("currency", place.currency()));
        }
        draft.credits().forEach(c -> packs.checkScope(c.scope()));
        Long same = em().createQuery("select count(p) from Plan p where lower(p.name) = lower(:n)", Long.class)
                .setParameter("n", draft.name())
                .getSingleResult();
        if (same > 0) {
            throw DomainException.conflict("plan.name-taken", Map.of("name", draft.name()));
        }
        Plan plan = new Plan(draft, place.currency(), clock.instant());
        em().persist(plan);
        for (IncludedCredit credit : draft.credits()) {
            em().persist(new PlanCredit(plan.id(), credit));
        }
        return new Offer(plan, draft.credits());
    }

    @Transactional
    public Plan find(UUID id) {
        placeContext.require();
        return em().createQuery("from Plan p where p.id = :id", Plan.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("plan.not-found", Map.of("id", id)));
    }

    @Transactional
    public Offer offer(UUID id) {
        Plan plan = find(id);
        return new Offer(plan, credits(plan.id()));
    }

    @Transactional
    public List<IncludedCredit> credits(UUID planId) {
        return em()
                .createQuery("from PlanCredit c where c.planId = :p order by c.id", PlanCredit.class)
                .setParameter("p", planId)
                .getResultList()
                .stream()
                .map(PlanCredit::credit)
                .toList();
    }

    /** The plans on offer (with archived ones for managers), cheapest first. */
    @Transactional
    public List<Offer> list(boolean includeArchived) {
        placeContext.require();
        List<Plan> plans = em().createQuery(
                        "from Plan p" + (includeArchived ? "" : " where p.status = 'ACTIVE'")
                                + " order by p.status, p.period, p.price, lower(p.name), p.id",
                        Plan.class)
                .getResultList();
        Map<UUID, List<IncludedCredit>> credits = new HashMap<>();
        em().createQuery("from PlanCredit c order by c.id", PlanCredit.class)
                .getResultList()
                .forEach(c -> credits.computeIfAbsent(c.planId(), k -> new ArrayList<>())
                        .add(c.credit()));
        return plans.stream()
                .map(p -> new Offer(p, credits.getOrDefault(p.id(), List.of())))
                .toList();
    }

    @Transactional
    public Plan archive(UUID id) {
        Plan plan = find(id);
        plan.archive();
        return plan;
    }

    @Transactional
    public Plan restore(UUID id) {
        Plan plan = find(id);
        plan.restore();
        return plan;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
