package org.tierslieux.core.membership;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * Company accounts of the current place and their members. A member belongs to at most one company here;
 * adding them to another moves them. Whatever a company's member buys is billed to the company.
 */
@ApplicationScoped
public class CompanyService {

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PeopleService people;

    CompanyService(Clock clock, PlaceContext placeContext, PeopleService people) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.people = people;
    }

    @Transactional
    public List<Company> companies() {
        placeContext.require();
        return em().createQuery("from Company c order by lower(c.name)", Company.class)
                .getResultList();
    }

    @Transactional
    public Company create(Company.Details details) {
        placeContext.require();
        requireMember(details.billingContact());
        Company company = new Company(details, clock.instant());
        em().persist(company);
        flush(company.name());
        return company;
    }

    @Transactional
    public Company update(CompanyId id, Company.Details details) {
        Company company = find(id);
        requireMember(details.billingContact());
        company.describe(details);
        flush(company.name());
        return company;
    }

    @Transactional
    public Company find(CompanyId id) {
        placeContext.require();
        Company company = em().createQuery("from Company c where c.id = :id", Company.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (company == null) {
            throw DomainException.notFound("company.not-found", Map.of("id", id.toString()));
        }
        return company;
    }

    /** The members of a company account. */
    @Transactional
    public List<PersonId> members(CompanyId id) {
        find(id);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em().createNativeQuery(
                        "select person_id from company_member where tenant_id = :t and company_id = :c"
                                + " order by joined_at, person_id")
                .setParameter("t", tenant())
                .setParameter("c", id.value())
                .getResultList();
        return ids.stream().map(PersonId::new).toList();
    }

    /** Adds a member of the place to a company (moving them from another one, if any). */
    @Transactional
    public void addMember(CompanyId id, PersonId person) {
        find(id);
        requireMember(person);
        em().createNativeQuery("delete from company_member where tenant_id = :t and person_id = :p")
                .setParameter("t", tenant())
                .setParameter("p", person.value())
                .executeUpdate();
        em().createNativeQuery("insert into company_member (tenant_id, person_id, company_id, joined_at)"
                        + " values (:t, :p, :c, :at)")
                .setParameter("t", placeContext.require().id().value())
                .setParameter("p", person.value())
                .setParameter("c", id.value())
                .setParameter("at", clock.instant())
                .executeUpdate();
    }

    @Transactional
    public void removeMember(CompanyId id, PersonId person) {
        find(id);
        int removed = em().createNativeQuery(
                        "delete from company_member where tenant_id = :t and person_id = :p and company_id = :c")
                .setParameter("t", tenant())
                .setParameter("p", person.value())
                .setParameter("c", id.value())
                .executeUpdate();
        if (removed == 0) {
            throw DomainException.notFound("company.member-not-found", Map.of("id", person.toString()));
        }
    }

    /** The company the member belongs to here, if any. */
    @Transactional
    public Optional<Company> companyOf(PersonId person) {
        var ids = em().createNativeQuery(
                        "select company_id from company_member where tenant_id = :t and person_id = :p")
                .setParameter("t", tenant())
                .setParameter("p", person.value())
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(find(new CompanyId((UUID) ids.get(0))));
    }

    private UUID tenant() {
        return placeContext.require().id().value();
    }

    private void requireMember(PersonId person) {
        if (person != null && people.memberHere(person).isEmpty()) {
            throw DomainException.notFound("person.not-found", Map.of("id", person.toString()));
        }
    }

    private void flush(String name) {
        try {
            em().flush();
        } catch (PersistenceException e) {
            if ("23505".equals(GroupService.sqlState(e))) {
                throw DomainException.conflict("company.exists", Map.of("name", name));
            }
            throw e;
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
