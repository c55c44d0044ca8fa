package org.tierslieux.core.people;

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
import org.tierslieux.core.kernel.Columns;
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

    /**
     * An account as a network admin creates it: with a password in local mode; without one in OIDC mode,
     * where Keycloak proves the identity and the first sign-in links the account by its verified email.
     */
    @Transactional
    public PersonId createAccount(String email, String displayName, String passwordOrNull, boolean networkAdmin) {
        Person person = newPerson(email, displayName);
        if (passwordOrNull != null) {
            person.setPasswordHash(hasher.hashChosen(passwordOrNull, email));
        }
        if (networkAdmin) {
            person.makeNetworkAdmin();
        }
        return person.id();
    }

    /** Whether the network has an admin yet (start-up creates the first one from its configuration). */
    public boolean hasNetworkAdmin() {
        return !em().createQuery("select p.id from Person p where p.networkAdmin = true", UUID.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
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

    /**
     * Identity mode {@code oidc}: the account of someone who signed in through Keycloak for the first time, with
     * the token's subject, (verified) e-mail and name. It has no role anywhere until a manager gives one.
     */
    @Transactional
    PersonId provision(String subject, String email, String displayName) {
        Person person = newPerson(email, displayName);
        person.linkOidcSubject(subject);
        return person.id();
    }

    java.util.Optional<Person> byEmail(String email) {
        return em().createQuery("from Person p where p.email = :email", Person.class)
                .setParameter("email", Person.normalizeEmail(email))
                .getResultStream()
                .findFirst();
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

    /** A person with their roles in the current place. */
    @io.quarkus.qute.TemplateData
    public record Member(PersonId person, String email, String displayName, java.util.Set<Role> roles, Instant since) {
        public boolean has(Object role) {
            return roles.stream().anyMatch(r -> r.name().equals(String.valueOf(role)));
        }
    }

    /** A page of the current place's members, by name, and how many there are in all. */
    public record Members(List<Member> items, long total) {}

    /**
     * The people of the current place with their roles, one query per page. Native SQL (to aggregate
     * roles) skips the ORM's tenant filter, so the place is named explicitly, and row-level security
     * stands behind it.
     */
    public Members membersHere(int page, int size) {
        return members(null, page, size);
    }

    public java.util.Optional<Member> memberHere(PersonId person) {
        return members(person, 0, 1).items().stream().findFirst();
    }

    private Members members(PersonId only, int page, int size) {
        var place = placeContext.require();
        String where =
                "m.tenant_id = cast(:place as uuid)" + (only == null ? "" : " and m.person_id = cast(:person as uuid)");
        var select = em().createNativeQuery(
                        "select p.id, p.email, p.display_name, string_agg(m.role, ',' order by m.role), min(m.granted_at)"
                                + " from membership m join person p on p.id = m.person_id where " + where
                                + " group by p.id, p.email, p.display_name order by lower(p.display_name), p.id")
                .setParameter("place", place.id().toString())
                .setFirstResult(page * size)
                .setMaxResults(size);
        var count = em().createNativeQuery("select count(distinct m.person_id) from membership m where " + where)
                .setParameter("place", place.id().toString());
        if (only != null) {
            select.setParameter("person", only.toString());
            count.setParameter("person", only.toString());
        }
        List<Member> items = new java.util.ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] columns = (Object[]) row;
            java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
            for (String role : ((String) columns[3]).split(",")) {
                roles.add(Role.valueOf(role));
            }
            items.add(new Member(
                    new PersonId((UUID) columns[0]),
                    (String) columns[1],
                    (String) columns[2],
                    roles,
                    Columns.instant(columns[4])));
        }
        return new Members(items, ((Number) count.getSingleResult()).longValue());
    }

    /** Display names of people, by id (managers' calendars and lists). */
    @Transactional
    public Map<UUID, String> displayNames(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        em().createQuery("select p.id, p.displayName from Person p where p.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
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
