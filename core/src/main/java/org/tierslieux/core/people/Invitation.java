package org.tierslieux.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;
import org.tierslieux.core.place.PlaceId;

/**
 * Identity mode {@code local}: the link that lets an invited person choose their password. Only the SHA-256 of
 * its secret is kept; it works once, until it expires. The role it came with is already granted.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    @Id
    private UUID id;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(name = "place_id", nullable = false)
    private UUID placeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "invited_by")
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    private long version;

    protected Invitation() {}

    Invitation(
            PersonId person,
            PlaceId place,
            Role role,
            String tokenHash,
            PersonId invitedBy,
            Instant createdAt,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.personId = person.value();
        this.placeId = place.value();
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy == null ? null : invitedBy.value();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Refuses a link already used or past its date; the same answer as an unknown one would tell too much. */
    void checkUsable(Instant at) {
        if (usedAt != null) {
            throw DomainException.conflict("invitation.used", Map.of());
        }
        if (!at.isBefore(expiresAt)) {
            throw DomainException.conflict("invitation.expired", Map.of());
        }
    }

    /** The person chose their password: the link is spent. */
    void use(Instant at) {
        checkUsable(at);
        this.usedAt = at;
    }

    /** A newer link replaces this one: it stops working at once. */
    void supersede(Instant at) {
        if (usedAt == null && at.isBefore(expiresAt)) {
            this.expiresAt = at.isAfter(createdAt) ? at : createdAt.plusNanos(1000);
        }
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public PlaceId place() {
        return new PlaceId(placeId);
    }

    public Role role() {
        return role;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
