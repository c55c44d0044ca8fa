package org.tierslieux.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/** One role of one person in one place. Owned by the place: it lives and dies with the place's data. */
@Entity
@Table(name = "membership")
public class Membership extends TenantOwned {

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected Membership() {}

    Membership(PersonId person, Role role, Instant grantedAt) {
        super(UUID.randomUUID());
        this.personId = person.value();
        this.role = role;
        this.grantedAt = grantedAt;
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public Role role() {
        return role;
    }
}
