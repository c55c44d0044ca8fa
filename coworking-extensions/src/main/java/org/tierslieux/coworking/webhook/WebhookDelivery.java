package org.tierslieux.coworking.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.tenancy.TenantOwned;

/**
 * One event for one subscription: written PENDING in the event's transaction (the outbox), then attempted by the
 * sender until DELIVERED (a 2xx answer) or FAILED (no attempt left). Its id is the {@code Webhook-Id} of every
 * attempt, so that a receiver can drop a repeat. The row stays as the subscription's delivery log.
 */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery extends TenantOwned {

    enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {}

    WebhookDelivery(UUID id, UUID subscriptionId, String eventType, String payload, Instant at) {
        super(id);
        this.subscriptionId = subscriptionId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = at;
        this.nextAttemptAt = at;
    }

    /** A 2xx answer: delivered, nothing more to do. */
    void delivered(int statusCode, Instant at) {
        attempts++;
        lastAttemptAt = at;
        lastStatusCode = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /**
     * A failed attempt (an answer outside 2xx, or none): again after {@code retryIn}, or FAILED when null (no
     * attempt left).
     */
    void attemptFailed(Integer statusCode, String error, Instant at, Duration retryIn) {
        attempts++;
        lastAttemptAt = at;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        if (retryIn == null) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = at.plus(retryIn);
        }
    }

    /** Due again at once (the subscription was enabled again). */
    void dueAt(Instant at) {
        if (status == Status.PENDING) {
            nextAttemptAt = at;
        }
    }

    UUID id() {
        return uuid();
    }

    UUID subscriptionId() {
        return subscriptionId;
    }

    String eventType() {
        return eventType;
    }

    String payload() {
        return payload;
    }

    Status status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    Integer lastStatusCode() {
        return lastStatusCode;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant deliveredAt() {
        return deliveredAt;
    }
}
