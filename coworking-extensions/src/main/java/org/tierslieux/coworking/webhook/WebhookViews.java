package org.tierslieux.coworking.webhook;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API and the pages show of webhooks (never the secret, except once in {@link Created}). */
public final class WebhookViews {

    private WebhookViews() {}

    /** A subscription as shown: {@code disabledReason} is FAILURES or MANAGER when it is disabled. */
    @TemplateData
    public record Subscription(
            UUID id,
            String url,
            String description,
            List<String> events,
            boolean enabled,
            int consecutiveFailures,
            Instant disabledAt,
            String disabledReason,
            Instant createdAt) {

        static Subscription of(WebhookSubscription s) {
            return new Subscription(
                    s.id(),
                    s.url(),
                    s.description(),
                    s.events().stream().map(WebhookEvent::type).toList(),
                    s.enabled(),
                    s.consecutiveFailures(),
                    s.disabledAt(),
                    s.disabledReason() == null ? null : s.disabledReason().name(),
                    s.createdAt());
        }
    }

    /** A subscription just made (or its secret just replaced), with its secret: shown this once only. */
    @TemplateData
    public record Created(Subscription subscription, String secret) {
        @Override
        public String toString() {
            return "Created[" + subscription + ", secret=***]";
        }
    }

    /** A delivery of the log: its outcome so far. */
    @TemplateData
    public record Delivery(
            UUID id,
            String type,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            Instant deliveredAt) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(
                    d.id(),
                    d.eventType(),
                    d.status().name(),
                    d.attempts(),
                    d.lastStatusCode(),
                    d.lastError(),
                    d.createdAt(),
                    d.lastAttemptAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt());
        }
    }
}
