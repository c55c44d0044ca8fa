package org.tierslieux.billing.mollie;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/** A place's Mollie account: its sealed API key and what may be shown of it (mode, last four characters). */
@Entity
@Table(name = "mollie_account")
class MollieAccount extends TenantOwned {

    @Column(name = "key_ciphertext", nullable = false)
    private byte[] keyCiphertext;

    @Column(name = "key_nonce", nullable = false)
    private byte[] keyNonce;

    @Column(name = "key_version", nullable = false)
    private int keyVersion;

    @Column(name = "key_mode", nullable = false)
    private String keyMode;

    @Column(name = "key_last4", nullable = false)
    private String keyLast4;

    @Column(name = "profile_id")
    private String profileId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    @Version
    private long version;

    protected MollieAccount() {}

    MollieAccount(UUID id) {
        super(id);
    }

    /** Replaces the key (sealed by the caller) and records who did it, when. */
    void replaceKey(MollieKey key, KeyCipher.Sealed sealed, UUID by, Instant at) {
        this.keyCiphertext = sealed.ciphertext();
        this.keyNonce = sealed.nonce();
        this.keyVersion = sealed.version();
        this.keyMode = key.mode();
        this.keyLast4 = key.last4();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Seals the same key again under the current application key (rotation); nothing else changes. */
    void reseal(KeyCipher.Sealed sealed) {
        this.keyCiphertext = sealed.ciphertext();
        this.keyNonce = sealed.nonce();
        this.keyVersion = sealed.version();
    }

    KeyCipher.Sealed sealed() {
        return new KeyCipher.Sealed(keyCiphertext, keyNonce, keyVersion);
    }

    String mode() {
        return keyMode;
    }

    String last4() {
        return keyLast4;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String profileId() {
        return profileId;
    }
}
