package org.tierslieux.core.place;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.kernel.DomainEvent;

/** The places of the network: what network admins create and edit, what anyone may list. */
@ApplicationScoped
public class PlaceService {

    private final Clock clock;
    private final PlaceDirectory directory;
    private final Event<DomainEvent> events;

    PlaceService(Clock clock, PlaceDirectory directory, Event<DomainEvent> events) {
        this.clock = clock;
        this.directory = directory;
        this.events = events;
    }

    @Transactional
    public Place create(Slug slug, PlaceProfile profile) {
        if (bySlugOrNull(slug.value()) != null) {
            throw DomainException.conflict("place.slug-taken", Map.of("slug", slug.value()));
        }
        Place place = new Place(new PlaceId(UUID.randomUUID()), slug, profile, clock.instant());
        em().persist(place);
        em().flush(); // a concurrent twin fails here on the unique slug, inside this transaction
        events.fire(new PlaceCreated(place.id(), place.slug()));
        return place;
    }

    /** Edits a place; with {@code expectedVersion}, an edit made on a stale copy is refused. */
    @Transactional
    public Place edit(String slug, PlaceProfile profile, Long expectedVersion) {
        Place place = get(slug);
        if (expectedVersion != null && expectedVersion != place.version()) {
            throw DomainException.conflict("request.stale", Map.of());
        }
        place.apply(profile);
        em().flush();
        directory.forget(slug);
        return place;
    }

    /** Replaces the few lines a place shows about itself on its public page (blank clears them). */
    @Transactional
    public Place describe(String slug, String description) {
        Place place = get(slug);
        place.describe(description);
        em().flush();
        return place;
    }

    @Transactional
    public Place get(String slug) {
        Place place = bySlugOrNull(slug);
        if (place == null) {
            throw DomainException.notFound("place.not-found", Map.of("place", slug));
        }
        return place;
    }

    @Transactional
    public List<Place> all() {
        return em().createQuery("from Place p order by lower(p.name)", Place.class)
                .getResultList();
    }

    private Place bySlugOrNull(String slug) {
        return em().createQuery("from Place p where p.slug = :slug", Place.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
