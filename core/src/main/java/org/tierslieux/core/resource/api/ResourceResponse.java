package org.tierslieux.core.resource.api;

import java.time.Instant;
import java.util.UUID;
import org.tierslieux.core.resource.BookingMode;
import org.tierslieux.core.resource.Resource;
import org.tierslieux.core.resource.ResourceStatus;
import org.tierslieux.core.resource.Scheduling;

public record ResourceResponse(
        UUID id,
        String kind,
        String name,
        String description,
        int capacity,
        BookingMode bookingMode,
        Scheduling scheduling,
        int slotMinutes,
        UUID requiresTrainingId,
        ResourceStatus status,
        Instant archivedAt,
        long version) {

    public static ResourceResponse of(Resource r) {
        return new ResourceResponse(
                r.id().value(),
                r.kind(),
                r.name(),
                r.description(),
                r.capacity(),
                r.bookingMode(),
                r.scheduling(),
                r.slotMinutes(),
                r.requiredTraining().map(t -> t.value()).orElse(null),
                r.status(),
                r.archivedAt(),
                r.version());
    }
}
