package org.tierslieux.coworking.webhook;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.tierslieux.core.error.DomainException;

/** What a subscription may listen to, by the stable name receivers see in {@code type}. */
public enum WebhookEvent {
    BOOKING_CONFIRMED("booking.confirmed"),
    BOOKING_CANCELLED("booking.cancelled"),
    CHECKIN_CREATED("checkin.created");

    /** The type of the deliveries that "send a test" makes; not subscribable. */
    public static final String TEST = "webhook.test";

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEvent> of(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }

    /** 422 {@code webhook.event-unknown} for a name that is not one of the events. */
    public static WebhookEvent parse(String type) {
        return of(type == null ? null : type.strip())
                .orElseThrow(
                        () -> DomainException.invalid("webhook.event-unknown", Map.of("event", String.valueOf(type))));
    }
}
