package org.tierslieux.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.error.DomainException;

/**
 * A personal API token: what its owner named it, the first characters to recognise it, and the SHA-256 of
 * the secret (the secret itself is shown once, at creation, and never stored).
 */
@Entity
@Table(name = "api_token")
public class PersonalToken {

    @Id
    private UUID id;

    @Column(name = "person_id", nullable = false)
    private UUID personId;

    @Column(nullable = false)
    private String name;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "shown_prefix", nullable = false)
    private String shownPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected PersonalToken() {}

    PersonalToken(PersonId owner, String name, String tokenHash, String shownPrefix, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.personId = owner.value();
        this.name = name;
        this.tokenHash = tokenHash;
        this.shownPrefix = shownPrefix;
        this.createdAt = createdAt;
    }

    void revoke(Instant at) {
        if (revokedAt != null) {
            throw DomainException.conflict("token.already-revoked", Map.of("name", name));
        }
        revokedAt = at;
    }

    public UUID id() {
        return id;
    }

    public PersonId owner() {
        return new PersonId(personId);
    }

    public String name() {
        return name;
    }

    public String shownPrefix() {
        return shownPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
