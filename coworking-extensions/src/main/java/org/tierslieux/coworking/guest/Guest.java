package org.tierslieux.coworking.guest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A guest invited for a day, as the host and the staff see it; {@code cancellable} while not cancelled, not arrived
 * and not past.
 */
@io.quarkus.qute.TemplateData
public record Guest(
        UUID id,
        UUID hostId,
        String hostName,
        String name,
        String email,
        LocalDate day,
        String payment,
        UUID orderId,
        Instant checkedInAt,
        Instant cancelledAt,
        boolean cancellable) {}
