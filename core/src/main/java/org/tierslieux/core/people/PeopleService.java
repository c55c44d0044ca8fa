package org.tierslieux.core.people;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.tenancy.PlaceContext;

/** Accounts and memberships: creating people, granting and revoking roles in the current place. */
@ApplicationScoped
public class PeopleService {

    private final Clock clock;
    private final PasswordHasher hasher;
    private final PlaceContext placeContext;

    PeopleService(Clock clock, PasswordHasher hasher, PlaceContext placeContext) {
        this.clock = clock;
        this.hasher = hasher;
        this.placeContext = placeContext;
    }

    /** A new local account. The email is the login; it is unique on the whole network. */
    @Transactional
    public PersonId createLocalAccount(String email, String displayName, String password) {
        Person person = newPerson(email, displayName);
        person.setPasswordHash(hasher.hashChosen(password));
        return person.id();
    }

    /** The demo accounts of the embedded default only: their password ("demo") is too weak for anyone else. */
    @Transactional
    public PersonId createDemoAccount(String email, String displayName, String password, boolean networkAdmin) {
        Person person = newPerson(email, displayName);
        person.setPasswordHash(hasher.hash(password));
        if (networkAdmin) {
            person.makeNetworkAdmin();
        }
        return person.id();
    }

    @Transactional
    public void makeNetworkAdmin(PersonId id) {
        find(id).makeNetworkAdmin();
    }

    @Transactional
    void linkOidcSubject(PersonId id, String subject) {
        find(id).linkOidcSubject(subject);
    }

    /** Gives the person a role in the current place; granting a role they already have changes nothing. */
    @Transactional
    public void grant(PersonId person, Role role) {
        placeContext.require();
        find(person);
        boolean present = !em().createQuery(
                        "select m.id from Membership m where m.personId = :person and m.role = :role", UUID.class)
                .setParameter("person", person.value())
                .setParameter("role", role)
                .getResultList()
                .isEmpty();
        if (!present) {
            em().persist(new Membership(person, role, clock.instant()));
        }
    }

    /** Makes the person's roles in the current place exactly {@code roles}, in one transaction. */
    @Transactional
    public void setRoles(PersonId person, java.util.Set<Role> roles) {
        boolean hadManagers = managersHere() > 0;
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                grant(person, role);
            } else {
                revoke(person, role);
            }
        }
        if (hadManagers && managersHere() == 0) {
            // rolls the whole change back: a place is never left without anyone to run it
            throw DomainException.conflict("place.last-manager", Map.of());
        }
    }

    private long managersHere() {
        return em().createQuery("select count(m) from Membership m where m.role = :role", Long.class)
                .setParameter("role", Role.MANAGER)
                .getSingleResult();
    }

    @Transactional
    public void revoke(PersonId person, Role role) {
        placeContext.require();
        em().createQuery("delete from Membership m where m.personId = :person and m.role = :role")
                .setParameter("person", person.value())
                .setParameter("role", role)
                .executeUpdate();
    }

    /** The memberships of the current place (the tenant filter and row-level security keep it to this place). */
    public List<Membership> membershipsHere() {
        placeContext.require();
        return em().createQuery("from Membership m order by m.grantedAt", Membership.class)
                .getResultList();
    }

    public Person find(PersonId id) {
        Person person = em().find(Person.class, id.value());
        if (person == null) {
            throw DomainException.notFound("person.not-found", Map.of("id", id.toString()));
        }
        return person;
    }

    private Person newPerson(String email, String displayName) {
        String normalized = Person.normalizeEmail(email);
        boolean taken = !em().createQuery("select p.id from Person p where p.email = :email", UUID.class)
                .setParameter("email", normalized)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw DomainException.conflict("person.email-taken", Map.of("email", normalized));
        }
        Person person = new Person(new PersonId(UUID.randomUUID()), normalized, displayName, clock.instant());
        em().persist(person);
        return person;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
