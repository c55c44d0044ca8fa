package org.tierslieux.coworking.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tierslieux.billing.mollie.KeyCipher;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * A receiver of a place's events: its URL, the events it wants, its sealed signing secret, and whether it is
 * enabled. Failed attempts in a row are counted; {@link #failed} disables it past the limit.
 */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription extends TenantOwned {

    /** Why a subscription is disabled. */
    enum DisabledReason {
        FAILURES,
        MANAGER
    }

    @Column(nullable = false)
    private String url;

    private String description;

    @Column(nullable = false)
    private String events;

    @Column(name = "secret_ciphertext", nullable = false)
    private byte[] secretCiphertext;

    @Column(name = "secret_nonce", nullable = false)
    private byte[] secretNonce;

    @Column(name = "secret_version", nullable = false)
    private int secretVersion;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private DisabledReason disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by")
    private UUID createdBy;

    @Version
    private long version;

    protected WebhookSubscription() {}

    WebhookSubscription(UUID id, String url, String description, Set<WebhookEvent> events, UUID by, Instant at) {
        super(id);
        change(url, description, events);
        this.enabled = true;
        this.createdAt = at;
        this.createdBy = by;
    }

    UUID id() {
        return uuid();
    }

    void change(String url, String description, Set<WebhookEvent> events) {
        this.url = url;
        this.description = description;
        this.events = events.stream().map(WebhookEvent::type).sorted().collect(Collectors.joining(","));
    }

    void seal(KeyCipher.Sealed sealed) {
        this.secretCiphertext = sealed.ciphertext();
        this.secretNonce = sealed.nonce();
        this.secretVersion = sealed.version();
    }

    KeyCipher.Sealed sealed() {
        return new KeyCipher.Sealed(secretCiphertext, secretNonce, secretVersion);
    }

    /** A successful attempt: the failures in a row start again from zero. */
    void succeeded() {
        consecutiveFailures = 0;
    }

    /** A failed attempt; answers true when this one disabled the subscription ({@code limit} in a row). */
    boolean failed(int limit, Instant at) {
        consecutiveFailures++;
        if (enabled && consecutiveFailures >= limit) {
            disable(DisabledReason.FAILURES, at);
            return true;
        }
        return false;
    }

    void disable(DisabledReason reason, Instant at) {
        if (enabled) {
            enabled = false;
            disabledAt = at;
            disabledReason = reason;
        }
    }

    /** Enabled again by a manager: failures forgotten. */
    void enable() {
        enabled = true;
        consecutiveFailures = 0;
        disabledAt = null;
        disabledReason = null;
    }

    String url() {
        return url;
    }

    String description() {
        return description;
    }

    Set<WebhookEvent> events() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> WebhookEvent.of(s).ifPresent(set::add));
        return set;
    }

    boolean enabled() {
        return enabled;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    Instant disabledAt() {
        return disabledAt;
    }

    DisabledReason disabledReason() {
        return disabledReason;
    }

    Instant createdAt() {
        return createdAt;
    }
}
