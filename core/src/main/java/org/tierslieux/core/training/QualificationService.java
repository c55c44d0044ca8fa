package org.tierslieux.core.training;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.resource.ResourceService;
import org.tierslieux.core.resource.Scheduling;
import org.tierslieux.core.tenancy.PlaceContext;

/** Who is qualified on which training in the current place. */
@ApplicationScoped
public class QualificationService {

    private final Clock clock;
    private final PlaceContext placeContext;
    private final ResourceService resources;
    private final PeopleService people;

    QualificationService(Clock clock, PlaceContext placeContext, ResourceService resources, PeopleService people) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.resources = resources;
        this.people = people;
    }

    /**
     * Marks a member of the place qualified on a training (replacing a previous qualification, so a renewal
     * extends the validity).
     */
    @Transactional
    public Qualification grant(ResourceId trainingId, PersonId person, Instant validUntil, PersonId by) {
        Resource training = training(trainingId);
        if (people.memberHere(person).isEmpty()) {
            throw DomainException.notFound("person.not-found", Map.of("id", person.toString()));
        }
        Instant now = clock.instant();
        if (validUntil != null && !validUntil.isAfter(now)) {
            throw DomainException.invalid("qualification.already-expired", Map.of());
        }
        current(person, training.id()).ifPresent(q -> q.revoke(now));
        em().flush();
        Qualification qualification = new Qualification(person, training.id(), by, validUntil, now);
        em().persist(qualification);
        return qualification;
    }

    @Transactional
    public Qualification revoke(UUID id) {
        Qualification q = em().createQuery("from Qualification q where q.id = :id", Qualification.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("qualification.not-found", Map.of("id", id)));
        q.revoke(clock.instant());
        return q;
    }

    /** The current (not revoked) qualifications on a training. */
    @Transactional
    public List<Qualification> ofTraining(ResourceId trainingId) {
        training(trainingId);
        return em().createQuery(
                        "from Qualification q where q.trainingId = :t and q.revokedAt is null order by q.grantedAt",
                        Qualification.class)
                .setParameter("t", trainingId.value())
                .getResultList();
    }

    @Transactional
    public List<Qualification> ofPerson(PersonId person) {
        placeContext.require();
        return em().createQuery(
                        "from Qualification q where q.personId = :p and q.revokedAt is null order by q.grantedAt",
                        Qualification.class)
                .setParameter("p", person.value())
                .getResultList();
    }

    /** Whether the person holds a qualification on the training that is still valid at {@code at}. */
    @Transactional
    public boolean isQualified(PersonId person, ResourceId training, Instant at) {
        return current(person, training).map(q -> q.validAt(at)).orElse(false);
    }

    private java.util.Optional<Qualification> current(PersonId person, ResourceId training) {
        return em().createQuery(
                        "from Qualification q where q.personId = :p and q.trainingId = :t and q.revokedAt is null",
                        Qualification.class)
                .setParameter("p", person.value())
                .setParameter("t", training.value())
                .getResultStream()
                .findFirst();
    }

    private Resource training(ResourceId id) {
        Resource training = resources.find(id);
        if (training.scheduling() != Scheduling.SESSIONS) {
            throw DomainException.invalid("qualification.not-a-training", Map.of("name", training.name()));
        }
        return training;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
