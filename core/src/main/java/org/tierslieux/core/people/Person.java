package org.tierslieux.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Someone with an account on the network. Belongs to no place by itself; memberships link it to places. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "oidc_subject")
    private String oidcSubject;

    @Column(name = "network_admin", nullable = false)
    private boolean networkAdmin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {}

    Person(PersonId id, String email, String displayName, Instant createdAt) {
        this.id = id.value();
        this.email = normalizeEmail(email);
        this.displayName = displayName.strip();
        this.createdAt = createdAt;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void setPasswordHash(String hash) {
        this.passwordHash = hash;
    }

    void makeNetworkAdmin() {
        this.networkAdmin = true;
    }

    void linkOidcSubject(String subject) {
        this.oidcSubject = subject;
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    String oidcSubject() {
        return oidcSubject;
    }

    public PersonId id() {
        return new PersonId(id);
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isNetworkAdmin() {
        return networkAdmin;
    }
}
