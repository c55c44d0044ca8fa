package org.tierslieux.core.resource;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.DomainEvent;
import org.tierslieux.core.tenancy.PlaceContext;

/** The resources of the current place: what managers create, edit, archive and members list. */
@ApplicationScoped
public class ResourceService {

    /** A page of resources and how many there are in all. */
    public record Listing(List<Resource> items, long total) {}

    private final Clock clock;
    private final ResourceKinds kinds;
    private final PlaceContext placeContext;
    private final Event<DomainEvent> events;

    ResourceService(Clock clock, ResourceKinds kinds, PlaceContext placeContext, Event<DomainEvent> events) {
        this.clock = clock;
        this.kinds = kinds;
        this.placeContext = placeContext;
        this.events = events;
    }

    @Transactional
    public Resource create(String kindCode, ResourceDetails details) {
        var place = placeContext.require();
        ResourceKind kind = kinds.byCode(kindCode);
        Resource resource = new Resource(new ResourceId(UUID.randomUUID()), kind, details, clock.instant());
        resource.requireTraining(checkedTraining(details.requiresTraining(), resource.id()));
        em().persist(resource);
        events.fire(new ResourceCreated(place.id(), resource.id(), kind.code()));
        return resource;
    }

    /**
     * A manager's edit. With {@code expectedVersion}, an edit made on a stale copy (someone changed the
     * resource meanwhile) is refused rather than silently overwriting the other change.
     */
    @Transactional
    public Resource edit(ResourceId id, ResourceDetails details, Long expectedVersion) {
        Resource resource = find(id);
        if (expectedVersion != null && expectedVersion != resource.version()) {
            throw DomainException.conflict("request.stale", Map.of());
        }
        resource.describe(kinds.byCode(resource.kind()), details);
        resource.requireTraining(checkedTraining(details.requiresTraining(), id));
        return resource;
    }

    @Transactional
    public Resource archive(ResourceId id) {
        Resource resource = findForUpdate(id);
        resource.archive(clock.instant());
        events.fire(new ResourceArchived(placeContext.require().id(), id));
        return resource;
    }

    @Transactional
    public Resource restore(ResourceId id) {
        Resource resource = findForUpdate(id);
        resource.restore();
        return resource;
    }

    /** One resource of the current place; 404 for an id of another place, as for an id of none. */
    @Transactional
    public Resource find(ResourceId id) {
        placeContext.require();
        // a query, not em.find(): queries carry the ORM's tenant restriction, a load by id may come from cache
        return em().createQuery("from Resource r where r.id = :id", Resource.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("resource.not-found", Map.of("id", id.toString())));
    }

    @Transactional
    public Listing list(boolean includeArchived, int page, int size) {
        placeContext.require();
        String where = includeArchived ? "" : " where r.status = 'ACTIVE'";
        List<Resource> items = em().createQuery(
                        "from Resource r" + where + " order by r.kind, lower(r.name), r.id", Resource.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        long total = em().createQuery("select count(r) from Resource r" + where, Long.class)
                .getSingleResult();
        return new Listing(items, total);
    }

    /** A required training must be a resource of this place booked by session (a training), not itself. */
    private ResourceId checkedTraining(ResourceId training, ResourceId of) {
        if (training == null) {
            return null;
        }
        Resource found = em().createQuery("from Resource r where r.id = :id", Resource.class)
                .setParameter("id", training.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (found == null || found.id().equals(of) || found.scheduling() != Scheduling.SESSIONS) {
            throw DomainException.invalid("resource.training-invalid", Map.of("id", training.toString()));
        }
        return training;
    }

    /** The active resources of the current place, in a stable order (calendars, availability of a week). */
    @Transactional
    public List<Resource> active() {
        placeContext.require();
        return em().createQuery(
                        "from Resource r where r.status = 'ACTIVE' order by r.kind, lower(r.name), r.id",
                        Resource.class)
                .getResultList();
    }

    /** The names of all the place's resources, archived ones too (bookings keep pointing at them). */
    @Transactional
    public Map<UUID, String> names() {
        placeContext.require();
        Map<UUID, String> names = new java.util.HashMap<>();
        em().createQuery("select r.id, r.name from Resource r", Object[].class)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    /** The resource, locked until the end of the transaction: seat counts of shared resources happen under it. */
    public Resource lockForBooking(ResourceId id) {
        return findForUpdate(id);
    }

    private Resource findForUpdate(ResourceId id) {
        Resource resource = find(id);
        em().lock(resource, LockModeType.PESSIMISTIC_WRITE);
        return resource;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
