package org.tierslieux.server.coworking.webhook;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Map;
import java.util.UUID;
import org.tierslieux.core.booking.BookingConfirmed;
import org.tierslieux.core.error.DomainException;

/**
 * Makes the booking of one chosen resource fail after every other observer of its confirmation ran (the webhook
 * outbox included), so that its transaction rolls back: what a failure late in a booking looks like.
 */
@ApplicationScoped
public class RollbackProbe {

    private static volatile UUID failFor;

    static void failBookingsOf(String resource) {
        failFor = resource == null ? null : UUID.fromString(resource);
    }

    void confirmed(@Observes @Priority(Interceptor.Priority.APPLICATION + 5000) BookingConfirmed e) {
        if (e.resource().value().equals(failFor)) {
            throw DomainException.conflict("test.rolled-back", Map.of());
        }
    }
}
