package org.tierslieux.core.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.people.PersonId;
import org.tierslieux.core.resource.ResourceId;
import org.tierslieux.core.tenancy.TenantOwned;

/** A person may use the machines that require this training, until {@code validUntil} if set. */
@io.quarkus.qute.TemplateData
@Entity
@Table(name = "qualification")
public class Qualification extends TenantOwned {

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(name = "training_id", nullable = false)
    private UUID trainingId;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by")
    private UUID grantedBy;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Qualification() {}

    Qualification(PersonId person, ResourceId training, PersonId by, Instant validUntil, Instant now) {
        super(UUID.randomUUID());
        this.personId = person.value();
        this.trainingId = training.value();
        this.grantedBy = by == null ? null : by.value();
        this.validUntil = validUntil;
        this.grantedAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw DomainException.conflict("qualification.already-revoked", Map.of());
        }
        revokedAt = now;
    }

    public UUID id() {
        return uuid();
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public ResourceId training() {
        return new ResourceId(trainingId);
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public boolean validAt(Instant at) {
        return revokedAt == null && (validUntil == null || at.isBefore(validUntil));
    }
}
