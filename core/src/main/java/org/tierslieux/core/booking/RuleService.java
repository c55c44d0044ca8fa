package org.tierslieux.core.booking;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.PlaceContext;

/** The booking rules managers set for the place, a kind of resource or one resource, and their merge. */
@ApplicationScoped
public class RuleService {

    /** Where settings apply: one resource, one kind (upper-case code), or the whole place (both null). */
    public record Scope(ResourceId resource, String kind) {
        public static final Scope PLACE = new Scope(null, null);
    }

    private final PlaceContext placeContext;

    RuleService(PlaceContext placeContext) {
        this.placeContext = placeContext;
    }

    /** The rules a booking of this resource keeps: its own settings, then its kind's, the place's, the defaults. */
    @Transactional
    public BookingRules rulesFor(Resource resource) {
        placeContext.require();
        List<RuleSet> sets = em().createQuery(
                        "from RuleSet s where s.resourceId = :r or s.kind = :k"
                                + " or (s.resourceId is null and s.kind is null)",
                        RuleSet.class)
                .setParameter("r", resource.id().value())
                .setParameter("k", resource.kind())
                .getResultList();
        BookingRules rules = BookingRules.DEFAULTS;
        rules = settingsAt(sets, null, null).over(rules, BookingRules.Level.PLACE);
        rules = settingsAt(sets, null, resource.kind()).over(rules, BookingRules.Level.KIND);
        return settingsAt(sets, resource.id(), null).over(rules, BookingRules.Level.RESOURCE);
    }

    @Transactional
    public BookingRules.Settings settings(Scope scope) {
        placeContext.require();
        return find(scope).map(RuleSet::settings).orElse(BookingRules.Settings.NONE);
    }

    @Transactional
    public BookingRules.Settings set(Scope scope, BookingRules.Settings settings) {
        placeContext.require();
        RuleSet set = find(scope).orElseGet(() -> {
            RuleSet created = new RuleSet(scope.resource(), scope.kind());
            em().persist(created);
            return created;
        });
        set.set(settings);
        return set.settings();
    }

    private java.util.Optional<RuleSet> find(Scope scope) {
        String where = scope.resource() != null
                ? "s.resourceId = :r"
                : scope.kind() != null
                        ? "s.kind = :k and s.resourceId is null"
                        : "s.resourceId is null and s.kind is null";
        var query = em().createQuery("from RuleSet s where " + where, RuleSet.class);
        if (scope.resource() != null) {
            query.setParameter("r", scope.resource().value());
        } else if (scope.kind() != null) {
            query.setParameter("k", scope.kind());
        }
        return query.getResultStream().findFirst();
    }

    private static BookingRules.Settings settingsAt(List<RuleSet> sets, ResourceId resource, String kind) {
        for (RuleSet s : sets) {
            boolean sameResource =
                    resource == null ? s.resourceId() == null : resource.value().equals(s.resourceId());
            boolean sameKind = kind == null ? s.kind() == null : kind.equals(s.kind());
            if (sameResource && sameKind) {
                return s.settings();
            }
        }
        return BookingRules.Settings.NONE;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
