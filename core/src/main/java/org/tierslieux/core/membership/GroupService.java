package org.tierslieux.core.membership;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PeopleService;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.tenancy.PlaceContext;

/**
 * The member groups of the current place and who is in which. Every place has the default group
 * {@value MemberGroup#STANDARD}, made the first time groups are read; members without a group are in it.
 */
@ApplicationScoped
public class GroupService {

    private final Clock clock;
    private final PlaceContext placeContext;
    private final PeopleService people;

    GroupService(Clock clock, PlaceContext placeContext, PeopleService people) {
        this.clock = clock;
        this.placeContext = placeContext;
        this.people = people;
    }

    /** The place's groups, the default one first, then by name. */
    @Transactional
    public List<MemberGroup> groups() {
        ensureStandard();
        return em().createQuery(
                        "from MemberGroup g order by case when g.code = :s then 0 else 1 end, lower(g.name)",
                        MemberGroup.class)
                .setParameter("s", MemberGroup.STANDARD)
                .getResultList();
    }

    @Transactional
    public MemberGroup create(String code, String name) {
        String c = MemberGroup.code(code);
        ensureStandard();
        if (findCode(c) != null) {
            throw DomainException.conflict("group.exists", Map.of("code", c));
        }
        MemberGroup group = new MemberGroup(c, name, clock.instant());
        em().persist(group);
        try {
            em().flush();
        } catch (PersistenceException e) {
            if ("23505".equals(sqlState(e))) {
                throw DomainException.conflict("group.exists", Map.of("code", c));
            }
            throw e;
        }
        return group;
    }

    @Transactional
    public MemberGroup rename(String code, String name) {
        MemberGroup group = find(code);
        group.rename(name);
        return group;
    }

    /** The group of this code here; 404 {@code group.not-found} otherwise. */
    @Transactional
    public MemberGroup find(String code) {
        if (MemberGroup.STANDARD.equals(code)) {
            ensureStandard();
        }
        MemberGroup group = code == null ? null : findCode(code.strip().toLowerCase(java.util.Locale.ROOT));
        if (group == null) {
            throw DomainException.notFound("group.not-found", Map.of("group", String.valueOf(code)));
        }
        return group;
    }

    @Transactional
    public MemberGroup find(GroupId id) {
        MemberGroup group = em().createQuery("from MemberGroup g where g.id = :id", MemberGroup.class)
                .setParameter("id", id.value())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (group == null) {
            throw DomainException.notFound("group.not-found", Map.of("group", id.toString()));
        }
        return group;
    }

    /** The member's group: their own, or the default one. */
    @Transactional
    public MemberGroup groupOf(PersonId person) {
        var ids = em().createNativeQuery(
                        "select group_id from member_group_assignment where tenant_id = :t and person_id = :p")
                .setParameter("t", tenant())
                .setParameter("p", person.value())
                .getResultList();
        return ids.isEmpty() ? find(MemberGroup.STANDARD) : find(new GroupId((UUID) ids.get(0)));
    }

    /**
     * Puts a member of the place in a group (the default group removes them from any other). 404 when the
     * person is not a member here or the group does not exist.
     */
    @Transactional
    public MemberGroup assign(PersonId person, String code) {
        MemberGroup group = find(code);
        if (people.memberHere(person).isEmpty()) {
            throw DomainException.notFound("person.not-found", Map.of("id", person.toString()));
        }
        em().createNativeQuery("delete from member_group_assignment where tenant_id = :t and person_id = :p")
                .setParameter("t", tenant())
                .setParameter("p", person.value())
                .executeUpdate();
        if (!group.isDefault()) {
            em().createNativeQuery("insert into member_group_assignment (tenant_id, person_id, group_id, assigned_at)"
                            + " values (:t, :p, :g, :at)")
                    .setParameter("t", placeContext.require().id().value())
                    .setParameter("p", person.value())
                    .setParameter("g", group.id().value())
                    .setParameter("at", clock.instant())
                    .executeUpdate();
        }
        return group;
    }

    /** Who is in a group other than the default one: person id to group code. */
    @Transactional
    public Map<UUID, String> assignments() {
        Map<UUID, String> codes = new HashMap<>();
        for (Object row : em().createNativeQuery(
                        "select a.person_id, g.code from member_group_assignment a"
                                + " join member_group g on g.tenant_id = a.tenant_id and g.id = a.group_id where a.tenant_id = :t")
                .setParameter("t", tenant())
                .getResultList()) {
            Object[] r = (Object[]) row;
            codes.put((UUID) r[0], (String) r[1]);
        }
        return codes;
    }

    private UUID tenant() {
        return placeContext.require().id().value();
    }

    private MemberGroup findCode(String code) {
        return em().createQuery("from MemberGroup g where g.code = :c", MemberGroup.class)
                .setParameter("c", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private void ensureStandard() {
        em().createNativeQuery("insert into member_group (tenant_id, id, code, name, created_at)"
                        + " values (:t, :id, :code, :name, :at) on conflict (tenant_id, code) do nothing")
                .setParameter("t", placeContext.require().id().value())
                .setParameter("id", UUID.randomUUID())
                .setParameter("code", MemberGroup.STANDARD)
                .setParameter("name", "Standard")
                .setParameter("at", clock.instant())
                .executeUpdate();
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
