package org.tierslieux.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.tierslieux.core.tenancy.TenantColumn;

/** One role of one person in one place. Owned by the place: it lives and dies with the place's data. */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    private UUID id;

    @TenantId
    @Convert(converter = TenantColumn.class)
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected Membership() {}

    Membership(PersonId person, Role role, Instant grantedAt) {
        this.id = UUID.randomUUID();
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

    public Instant grantedAt() {
        return grantedAt;
    }
}
