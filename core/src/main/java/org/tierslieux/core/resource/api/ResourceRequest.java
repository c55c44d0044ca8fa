package org.tierslieux.core.resource.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a manager sends to create or edit a resource. {@code kind} is ignored on edit; {@code slotMinutes} is
 * the booking grid (e.g. 30 for a laser cutter, 240 for half-days); {@code requiresTrainingId} a training
 * members must have passed.
 */
public record ResourceRequest(
        @Size(max = 40) String kind,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Min(1) @Max(10_000) Integer capacity,
        @Min(5) @Max(1440) Integer slotMinutes,
        java.util.UUID requiresTrainingId,
        Long version) {

    org.tierslieux.core.resource.ResourceDetails details() {
        return new org.tierslieux.core.resource.ResourceDetails(
                name,
                description,
                capacity,
                slotMinutes,
                requiresTrainingId == null ? null : new org.tierslieux.core.resource.ResourceId(requiresTrainingId));
    }
}
